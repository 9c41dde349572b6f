package org.safecity.shared.pdf;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * Writes text in English and Urdu into one PDF with the fonts SafeCity ships (Noto Sans for Latin,
 * Noto Naskh Arabic for Urdu; SIL Open Font Licence, {@code static/fonts/}), embedded as subsets,
 * so every reader shows the same letters whatever fonts its machine has. Each character is drawn
 * with the face that has it; one the shipped faces lack prints as {@code ?}. Text is given in
 * logical order and drawn in visual order ({@link VisualLine}). One per document.
 */
public final class Typesetter {

    public enum Weight { REGULAR, BOLD }

    private static final Face SANS = Face.load("NotoSans-Regular.ttf");
    private static final Face SANS_BOLD = Face.load("NotoSans-Bold.ttf");
    private static final Face NASKH = Face.load("NotoNaskhArabic-Regular.ttf");
    private static final Face NASKH_BOLD = Face.load("NotoNaskhArabic-Bold.ttf");

    private final PDDocument document;
    private final PDType0Font[] loaded = new PDType0Font[4];

    public Typesetter(PDDocument document) {
        this.document = document;
    }

    /** Width in points of the text as drawn at {@code size}. */
    public float width(Weight weight, float size, String logical) throws IOException {
        float width = 0;
        for (Span span : spans(weight, VisualLine.of(logical))) {
            width += span.font().getStringWidth(span.text()) / 1000 * size;
        }
        return width;
    }

    /** Draws a line starting at {@code x} (its direction from its own first letter). */
    public void show(PDPageContentStream content, Weight weight, float size, float x, float y, String logical) throws IOException {
        draw(content, weight, size, x, y, VisualLine.of(logical));
    }

    /** Draws an Urdu line ending at {@code right}, as Urdu is set. */
    public void showUrdu(PDPageContentStream content, Weight weight, float size, float right, float y, String logical) throws IOException {
        String visual = VisualLine.ofUrdu(logical);
        float width = 0;
        for (Span span : spans(weight, visual)) {
            width += span.font().getStringWidth(span.text()) / 1000 * size;
        }
        draw(content, weight, size, right - width, y, visual);
    }

    /** The text in lines no wider than {@code width} points, broken between words (a word longer than a line stands alone). */
    public List<String> wrapped(Weight weight, float size, String logical, float width) throws IOException {
        var lines = new ArrayList<String>();
        var line = new StringBuilder();
        for (String word : logical.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && width(weight, size, candidate) > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private void draw(PDPageContentStream content, Weight weight, float size, float x, float y, String visual) throws IOException {
        content.beginText();
        content.newLineAtOffset(x, y);
        for (Span span : spans(weight, visual)) {
            content.setFont(span.font(), size);
            content.showText(span.text());
        }
        content.endText();
    }

    private record Span(PDType0Font font, String text) {
    }

    /** The visual text cut where the face changes: Arabic script in Naskh, the rest in Sans, spaces and punctuation with their neighbours. */
    private List<Span> spans(Weight weight, String visual) throws IOException {
        var spans = new ArrayList<Span>();
        var text = new StringBuilder();
        int current = -1;
        for (int i = 0; i < visual.length(); ) {
            int c = visual.codePointAt(i);
            i += Character.charCount(c);
            int face = faceFor(c, current);
            if (face < 0) {
                c = '?';
                face = current >= 0 ? current : 0;
            }
            if (face != current && !text.isEmpty()) {
                spans.add(new Span(font(weight, current), text.toString()));
                text.setLength(0);
            }
            current = face;
            text.appendCodePoint(c);
        }
        if (!text.isEmpty()) {
            spans.add(new Span(font(weight, current), text.toString()));
        }
        return spans;
    }

    /** 0 for Sans, 1 for Naskh, -1 when neither has the character. */
    private static int faceFor(int c, int current) {
        var script = Character.UnicodeScript.of(c);
        boolean neutral = script == Character.UnicodeScript.COMMON || script == Character.UnicodeScript.INHERITED;
        if (neutral && current >= 0 && (current == 0 ? SANS : NASKH).has(c)) {
            return current;
        }
        if (script == Character.UnicodeScript.ARABIC && NASKH.has(c)) {
            return 1;
        }
        return SANS.has(c) ? 0 : NASKH.has(c) ? 1 : -1;
    }

    private PDType0Font font(Weight weight, int face) throws IOException {
        int index = face * 2 + weight.ordinal();
        if (loaded[index] == null) {
            Face source = switch (index) {
                case 0 -> SANS;
                case 1 -> SANS_BOLD;
                case 2 -> NASKH;
                default -> NASKH_BOLD;
            };
            loaded[index] = PDType0Font.load(document, new ByteArrayInputStream(source.bytes()), true);
        }
        return loaded[index];
    }

    /** A shipped font file, held once: its bytes and which characters it has a glyph for. */
    private record Face(byte[] bytes, BitSet characters) {

        static Face load(String file) {
            try (InputStream in = Typesetter.class.getResourceAsStream("/static/fonts/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("the font " + file + " is missing from the build");
                }
                byte[] bytes = in.readAllBytes();
                var characters = new BitSet();
                try (var ttf = new TTFParser().parse(new RandomAccessReadBuffer(bytes))) {
                    var cmap = ttf.getUnicodeCmapLookup();
                    for (int c = 0x20; c <= 0xFFFF; c++) {
                        if (cmap.getGlyphId(c) > 0) {
                            characters.set(c);
                        }
                    }
                }
                return new Face(bytes, characters);
            } catch (IOException e) {
                throw new UncheckedIOException("the font " + file + " cannot be read", e);
            }
        }

        boolean has(int c) {
            return characters.get(c);
        }
    }
}
