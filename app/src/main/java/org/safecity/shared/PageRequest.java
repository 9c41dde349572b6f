package org.safecity.shared;

/** Which page a caller asks for: pages count from 0; a page holds at most 1,000 items. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 1000;

    public PageRequest {
        if (page < 0) {
            throw new InvalidInput("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInput("size", "must be between 1 and " + MAX_SIZE);
        }
    }

    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? 100 : size);
    }

    public long offset() {
        return (long) page * size;
    }
}
