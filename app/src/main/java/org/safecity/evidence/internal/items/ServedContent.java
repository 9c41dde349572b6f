package org.safecity.evidence.internal.items;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.function.Consumer;
import org.safecity.evidence.internal.ContentStore;
import org.safecity.evidence.internal.EvidenceItem;
import org.safecity.evidence.internal.custody.CheckingIntegrity;
import org.safecity.evidence.internal.custody.IntegrityReport;

/**
 * An item's content on its way out, never unverified. Up to {@link #VERIFIED_FIRST} bytes it is read
 * and checked against its SHA-256 before anything is sent, so a damaged item is refused with a problem
 * the caller can read. A larger one (video, up to the upload limit) can neither be held in memory nor
 * read twice before the first byte goes, so it is checked as it streams: its last block is held back
 * until the whole has been hashed, and if the hash or size is wrong that block never goes and the
 * transfer fails, shorter than its Content-Length, so no client takes it for the item.
 */
sealed interface ServedContent {

    long VERIFIED_FIRST = 8L * 1024 * 1024;

    /** Read and verified whole before sending. */
    record Checked(byte[] bytes) implements ServedContent {
    }

    /** Verified as it is read; {@code size} is the recorded size, sent as Content-Length. */
    record Streamed(InputStream content, long size) implements ServedContent {
    }

    /**
     * The stored file's bytes, hashed as they are read, always one block behind: the final block is
     * released only once the end of the file has shown that the whole matches the item.
     */
    final class VerifiedWhileStreaming extends InputStream {

        private static final int BLOCK = 1 << 16;
        private final InputStream file;
        private final EvidenceItem item;
        private final Consumer<IntegrityReport.Problem> onFailure;
        private final MessageDigest digest = ContentStore.sha256();
        private long size;
        private byte[] out = new byte[0];
        private int position;
        private byte[] held;
        private boolean ended;

        VerifiedWhileStreaming(InputStream file, EvidenceItem item, Consumer<IntegrityReport.Problem> onFailure) {
            this.file = file;
            this.item = item;
            this.onFailure = onFailure;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (position >= out.length) {
                if (ended) {
                    return -1;
                }
                advance();
            }
            int n = Math.min(length, out.length - position);
            System.arraycopy(out, position, buffer, offset, n);
            position += n;
            return n;
        }

        /** Reads the next block; releases the held one if more follows, or once the end proves the whole. */
        private void advance() throws IOException {
            if (held == null) {
                held = readBlock();
            }
            byte[] next = readBlock();
            if (next.length == 0) {
                ended = true;
                var problem = CheckingIntegrity.contentProblem(item,
                    new ContentStore.Stored(HexFormat.of().formatHex(digest.digest()), size, new byte[0], false));
                if (problem.isPresent()) {
                    onFailure.accept(problem.get());
                    throw new IOException("item " + item.id() + " failed verification while it was sent: " + problem.get().problem());
                }
            }
            out = held;
            position = 0;
            held = next;
        }

        private byte[] readBlock() throws IOException {
            byte[] block = file.readNBytes(BLOCK);
            digest.update(block);
            size += block.length;
            return block;
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }
}
