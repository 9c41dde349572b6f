package org.safecity.video.internal.live;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The little of fragmented MP4 the live feed reads: whole top-level boxes from FFmpeg's pipe, the H.264
 * codec string and NAL length size of the initialisation segment, and whether a sample starts a key frame.
 */
final class Mp4Boxes {

    private static final long LONGEST_BOX = 64L << 20;

    private Mp4Boxes() {
    }

    /** The H.264 parameters of an initialisation segment: its codec ({@code avc1.PPCCLL}) and NAL length size. */
    record Avc(String codec, int nalLengthSize) {
    }

    /** One whole top-level box, header included. */
    static byte[] next(DataInputStream in) throws IOException {
        int size = in.readInt();
        byte[] type = in.readNBytes(4);
        if (type.length < 4) {
            throw new EOFException();
        }
        long length = size;
        byte[] large = null;
        if (size == 1) {
            large = in.readNBytes(8);
            length = ByteBuffer.wrap(large).getLong();
        }
        int header = large == null ? 8 : 16;
        if (length < header || length > LONGEST_BOX) {
            throw new IOException("an MP4 box of " + length + " bytes");
        }
        byte[] box = new byte[(int) length];
        ByteBuffer.wrap(box).putInt(size).put(type);
        if (large != null) {
            System.arraycopy(large, 0, box, 8, 8);
        }
        in.readFully(box, header, box.length - header);
        return box;
    }

    static String type(byte[] box) {
        return new String(box, 4, 4, StandardCharsets.US_ASCII);
    }

    /** The segment's H.264 parameters (from its {@code avcC} box), or null when it is not H.264. */
    static Avc avc(byte[] segment) {
        int avcC = indexOf(segment, "avcC".getBytes(StandardCharsets.US_ASCII));
        if (avcC < 0 || avcC + 9 > segment.length) {
            return null;
        }
        return new Avc("avc1." + HexFormat.of().formatHex(segment, avcC + 5, avcC + 8), (segment[avcC + 8] & 3) + 1);
    }

    /** Whether an H.264 sample holds an IDR picture (NAL unit type 5): a point a decoder can start from. */
    static boolean isKey(byte[] mdat, int nalLengthSize) {
        int at = mdat.length > 8 && readInt(mdat, 0) == 1 ? 16 : 8; // a 64-bit size puts the data 8 bytes later
        while (at + nalLengthSize < mdat.length) {
            long length = 0;
            for (int i = 0; i < nalLengthSize; i++) {
                length = (length << 8) | (mdat[at + i] & 0xff);
            }
            at += nalLengthSize;
            if (length <= 0 || at + length > mdat.length) {
                return false;
            }
            if ((mdat[at] & 0x1f) == 5) {
                return true;
            }
            at += (int) length;
        }
        return false;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static int readInt(byte[] bytes, int at) {
        return ByteBuffer.wrap(bytes, at, 4).getInt();
    }

    private static int indexOf(byte[] bytes, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= bytes.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (bytes[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
