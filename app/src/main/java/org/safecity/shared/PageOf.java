package org.safecity.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a longer list: the items, where the page is, and how many there are in all. */
public record PageOf<T>(List<T> items, int page, int size, long total) {

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public <R> PageOf<R> map(Function<T, R> mapper) {
        return new PageOf<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
