package vn.cadretraining.shared.files;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * PDF documents in the layout of Vietnamese official papers: the heading of a Party organ or of a state body
 * ({@link OfficialHeading}), the title, the body, and the signature block. Every glyph comes from an embedded Unicode
 * font (DejaVu Sans), so Vietnamese prints the same on every reader, with or without fonts installed.
 */
public final class OfficialPdf {

    private static final BaseFont REGULAR = load("/fonts/DejaVuSans.ttf");
    private static final BaseFont BOLD = load("/fonts/DejaVuSans-Bold.ttf");

    private OfficialPdf() {
    }

    public static Font font(float size) {
        return new Font(REGULAR, size);
    }

    public static Font bold(float size) {
        return new Font(BOLD, size);
    }

    /** Opens an A4 document (landscape for wide tables) on the stream; the caller adds the body and closes it. */
    public static Document open(OutputStream out, boolean landscape, String title, String subject) {
        Document doc = new Document(landscape ? PageSize.A4.rotate() : PageSize.A4, 50, 40, 40, 40);
        try {
            PdfWriter.getInstance(doc, out);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        doc.addTitle(title);
        doc.addSubject(subject);
        doc.addCreator("Bồi dưỡng cán bộ cơ sở");
        doc.open();
        return doc;
    }

    /**
     * The two-column heading, laid out by the issuer's kind: a Party organ's (Hướng dẫn 36-HD/VPTW) has "ĐẢNG CỘNG
     * SẢN VIỆT NAM" underlined on the right and its body under its superior on the left over an asterisk; a state
     * body's (Nghị định 30/2020) has the national motto. Every line keeps to one line: a name too long for its
     * column prints smaller rather than break.
     */
    public static void header(Document doc, OfficialHeading h) {
        float width = doc.getPageSize().getWidth() - doc.leftMargin() - doc.rightMargin();
        float[] split = {44, 56};
        PdfPTable table = new PdfPTable(split);
        table.setWidthPercentage(100);
        float leftWidth = width * split[0] / 100 - 4;
        float rightWidth = width * split[1] / 100 - 4;
        PdfPCell left = cell();
        if (h.superiorLine() != null) {
            left.addElement(line(h.superiorLine(), REGULAR, 11, Font.NORMAL, leftWidth, false));
        }
        left.addElement(line(h.issuerLine(), BOLD, 11, Font.NORMAL, leftWidth, false));
        left.addElement(line(h.issuer().isParty() ? "*" : "————", REGULAR, h.issuer().isParty() ? 11 : 8, Font.NORMAL,
                leftWidth, false));
        if (h.numberLine() != null) {
            left.addElement(line(h.numberLine(), REGULAR, 11, Font.NORMAL, leftWidth, false));
        }
        PdfPCell right = cell();
        if (h.issuer().isParty()) {
            right.addElement(line(OfficialHeading.PARTY, BOLD, 12, Font.NORMAL, rightWidth, true));
        } else {
            right.addElement(line(OfficialHeading.NATION, BOLD, 11, Font.NORMAL, rightWidth, false));
            right.addElement(line(OfficialHeading.MOTTO, BOLD, 12, Font.NORMAL, rightWidth, true));
        }
        if (h.dateLine() != null) {
            Paragraph date = line(h.dateLine(), REGULAR, 11, Font.ITALIC, rightWidth, false);
            date.setSpacingBefore(6);
            right.addElement(date);
        }
        table.addCell(left);
        table.addCell(right);
        add(doc, table);
    }

    /** One centred line that never wraps: its size shrinks until it fits the width. */
    private static Paragraph line(String text, BaseFont base, float size, int style, float width, boolean underline) {
        float s = size;
        while (s > 6 && base.getWidthPoint(text, s) > width) {
            s -= 0.5f;
        }
        Chunk chunk = new Chunk(text, new Font(base, s, style));
        if (underline) {
            chunk.setUnderline(0.6f, -2.5f);
        }
        Paragraph p = new Paragraph(chunk);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setLeading(s * 1.35f);
        return p;
    }

    public static void title(Document doc, String title, String subtitle) {
        Paragraph p = centered(title.toUpperCase(), bold(14));
        p.setSpacingBefore(18);
        add(doc, p);
        if (subtitle != null) {
            Paragraph s = centered(subtitle, font(11));
            s.setSpacingAfter(12);
            add(doc, s);
        }
    }

    public static void paragraph(Document doc, String text) {
        Paragraph p = new Paragraph(text, font(11));
        p.setSpacingAfter(4);
        add(doc, p);
    }

    /**
     * A table with a bold header row; widths are relative. A column is widened to hold its longest word or date
     * whole (the others give way), and text breaks only at spaces: "Hạng" and "06/12/2026" never split.
     */
    public static void table(Document doc, float[] widths, List<String> headings, List<List<String>> rows) {
        float padding = 4;
        float total = doc.getPageSize().getWidth() - doc.leftMargin() - doc.rightMargin();
        PdfPTable table = new PdfPTable(widths.length);
        table.setTotalWidth(fit(widths, headings, rows, total, padding));
        table.setLockedWidth(true);
        table.setHeaderRows(1);
        table.setSpacingBefore(8);
        for (String h : headings) {
            PdfPCell c = new PdfPCell(words(h, bold(9)));
            c.setHorizontalAlignment(Element.ALIGN_CENTER);
            c.setVerticalAlignment(Element.ALIGN_MIDDLE);
            c.setPadding(padding);
            table.addCell(c);
        }
        for (List<String> row : rows) {
            for (String value : row) {
                PdfPCell c = new PdfPCell(words(value == null ? "" : value, font(9)));
                c.setPadding(padding);
                table.addCell(c);
            }
        }
        add(doc, table);
    }

    /** Text that breaks only at spaces (OpenPDF also breaks at "/" and "-", cutting dates and numbers). */
    static Phrase words(String text, Font font) {
        Chunk chunk = new Chunk(text, font);
        chunk.setSplitCharacter(WORDS);
        return new Phrase(chunk);
    }

    private static final com.lowagie.text.SplitCharacter WORDS = (start, current, end, cc, ck) -> {
        char c = ck == null ? cc[current] : (char) ck[Math.min(current, ck.length - 1)].getUnicodeEquivalent(cc[current]);
        return c == ' ';
    };

    /** Absolute widths: the relative ones on the page, each at least its longest unbreakable word. */
    static float[] fit(float[] relative, List<String> headings, List<List<String>> rows, float total, float padding) {
        int n = relative.length;
        float[] need = new float[n];
        for (int i = 0; i < n; i++) {
            need[i] = longestWord(headings.get(i), BOLD) + 2 * padding + 2;
        }
        for (List<String> row : rows) {
            for (int i = 0; i < n && i < row.size(); i++) {
                if (row.get(i) != null) {
                    need[i] = Math.max(need[i], longestWord(row.get(i), REGULAR) + 2 * padding + 2);
                }
            }
        }
        float sum = 0;
        for (float r : relative) {
            sum += r;
        }
        float[] w = new float[n];
        for (int i = 0; i < n; i++) {
            w[i] = Math.max(need[i], total * relative[i] / sum);
        }
        // give back what the widened columns took, from the slack of the others, in proportion
        for (int round = 0; round < 3; round++) {
            float over = -total;
            float slack = 0;
            for (int i = 0; i < n; i++) {
                over += w[i];
                slack += w[i] - need[i];
            }
            if (over <= 0.01f || slack <= 0) {
                break;
            }
            float share = Math.min(1, over / slack);
            for (int i = 0; i < n; i++) {
                w[i] -= (w[i] - need[i]) * share;
            }
        }
        // words too long for any layout: the table still keeps to the page (a word may then break)
        float sumW = 0;
        for (float x : w) {
            sumW += x;
        }
        if (sumW > total) {
            for (int i = 0; i < n; i++) {
                w[i] *= total / sumW;
            }
        }
        return w;
    }

    private static float longestWord(String text, BaseFont base) {
        float max = 0;
        for (String word : text.split(" ")) {
            max = Math.max(max, base.getWidthPoint(word, 9));
        }
        return max;
    }

    /** The signature block on the right: the signer's function, then room to sign, then the name. */
    public static void signature(Document doc, String function, String name) {
        signature(doc, function, name, List.of());
    }

    /**
     * The signature block with the closing lines of the document above it, kept on one page together: a page
     * carrying nothing but a signature is not how an official document ends.
     */
    public static void signature(Document doc, String function, String name, List<String> closingLines) {
        PdfPTable table = new PdfPTable(new float[] {45, 55});
        table.setWidthPercentage(100);
        table.setSpacingBefore(closingLines.isEmpty() ? 24 : 6);
        table.setKeepTogether(true);
        for (String line : closingLines) {
            PdfPCell text = cell();
            text.setColspan(2);
            text.setPaddingBottom(4);
            text.addElement(new Paragraph(line, font(11)));
            table.addCell(text);
        }
        if (!closingLines.isEmpty()) {
            PdfPCell space = cell();
            space.setColspan(2);
            space.setFixedHeight(18);
            table.addCell(space);
        }
        table.addCell(cell());
        PdfPCell right = cell();
        for (String line : OfficialHeading.signerLines(function)) {
            right.addElement(centered(line, bold(11)));
        }
        right.addElement(centered("(Ký, ghi rõ họ tên và đóng dấu)", new Font(REGULAR, 9, Font.ITALIC)));
        // the embedded font even for a blank line: a default font would reference Helvetica without embedding it
        Paragraph space = new Paragraph(" ", font(10));
        space.setSpacingBefore(48);
        right.addElement(space);
        right.addElement(centered(name == null ? "" : name, bold(11)));
        table.addCell(right);
        add(doc, table);
    }

    public static Paragraph centered(String text, Font font) {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        return p;
    }

    private static PdfPCell cell() {
        PdfPCell c = new PdfPCell();
        c.setBorder(Rectangle.NO_BORDER);
        return c;
    }

    public static void add(Document doc, Element element) {
        try {
            doc.add(element);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BaseFont load(String resource) {
        try (InputStream in = OfficialPdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing font " + resource);
            }
            return BaseFont.createFont(resource.substring(resource.lastIndexOf('/') + 1), BaseFont.IDENTITY_H,
                    BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- general drawing: framed pages, large type, fixed spots, tables with room for diacritics ----

    /** Dark red of the frame and the title of a certificate. */
    public static final Color CERTIFICATE_RED = new Color(0x9B, 0x1C, 0x1C);

    /** A document and the writer behind it, for what is drawn at a fixed spot of the page. */
    public record Framed(Document doc, PdfWriter writer) {
    }

    /**
     * Opens an A4 landscape document whose every page carries a double border, a thick line outside a thin one,
     * as a certificate is framed; the margins keep the text well inside the frame.
     */
    public static Framed openFramed(OutputStream out, String title, String subject) {
        Document doc = new EmbeddedFontsDocument(PageSize.A4.rotate(), 62, 62, 38, 34);
        PdfWriter writer;
        try {
            writer = PdfWriter.getInstance(doc, out);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        writer.setPageEvent(new com.lowagie.text.pdf.PdfPageEventHelper() {
            @Override
            public void onStartPage(PdfWriter w, Document d) {
                doubleBorder(w.getDirectContentUnder(), d.getPageSize(), CERTIFICATE_RED);
            }
        });
        doc.addTitle(title);
        doc.addSubject(subject);
        doc.addCreator("Bồi dưỡng cán bộ cơ sở");
        doc.open();
        return new Framed(doc, writer);
    }

    /** A thick line 16 pt inside the page's edge and a thin one 5 pt inside it. */
    public static void doubleBorder(com.lowagie.text.pdf.PdfContentByte canvas, Rectangle page, Color color) {
        canvas.saveState();
        canvas.setColorStroke(color);
        canvas.setLineWidth(2.6f);
        canvas.rectangle(16, 16, page.getWidth() - 32, page.getHeight() - 32);
        canvas.stroke();
        canvas.setLineWidth(0.8f);
        canvas.rectangle(22.5f, 22.5f, page.getWidth() - 45, page.getHeight() - 45);
        canvas.stroke();
        canvas.restoreState();
    }

    /** A line of large type, centered (the title of a certificate, the name of its holder). */
    public static void large(Document doc, String text, float size, Color color, float spacingBefore, float spacingAfter) {
        Font f = bold(size);
        f.setColor(color);
        Paragraph p = centered(text, f);
        p.setLeading(size * 1.3f);
        p.setSpacingBefore(spacingBefore);
        p.setSpacingAfter(spacingAfter);
        add(doc, p);
    }

    /** Empty vertical room (for what is printed or stamped on the paper afterwards: an emblem). */
    public static void room(Document doc, float height) {
        PdfPTable table = new PdfPTable(1);
        table.setWidthPercentage(100);
        PdfPCell c = cell();
        c.setFixedHeight(height);
        table.addCell(c);
        add(doc, table);
    }

    /** A table written at a fixed spot: its top-left corner at (x, y) from the page's bottom-left, this wide. */
    public static void placeAt(PdfWriter writer, PdfPTable table, float x, float y, float width) {
        table.setTotalWidth(width);
        table.setLockedWidth(true);
        table.writeSelectedRows(0, -1, x, y, writer.getDirectContent());
    }

    /** A cell without borders holding the given paragraphs (for tables placed or laid out by hand). */
    public static PdfPCell plainCell(Element... content) {
        PdfPCell c = cell();
        for (Element e : content) {
            c.addElement(e);
        }
        return c;
    }

    /**
     * A table with a bold header row whose lines leave room for Vietnamese stacked diacritics (a mark above a
     * circumflex reaches higher than a capital: at the default single leading it touches the line above), each
     * body row at least {@code minRowHeight} points (0: as high as its text), e.g. room to sign.
     */
    public static void table(Document doc, float[] widths, List<String> headings, List<List<String>> rows,
            float minRowHeight) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingBefore(8);
        for (String h : headings) {
            PdfPCell c = roomyCell(h, bold(9));
            c.setHorizontalAlignment(Element.ALIGN_CENTER);
            table.addCell(c);
        }
        for (List<String> row : rows) {
            for (String value : row) {
                PdfPCell c = roomyCell(value == null ? "" : value, font(9));
                c.setMinimumHeight(minRowHeight);
                table.addCell(c);
            }
        }
        add(doc, table);
    }

    private static PdfPCell roomyCell(String text, Font f) {
        PdfPCell c = new PdfPCell(new Phrase(text, f));
        c.setLeading(0, 1.45f);
        c.setUseAscender(true);
        c.setUseDescender(true);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        c.setPaddingTop(4);
        c.setPaddingBottom(5);
        c.setPaddingLeft(4);
        c.setPaddingRight(4);
        return c;
    }

    /**
     * The signature block of a person signing for themself (a trainer on a sign-in sheet): the function, how to
     * sign, room to sign, and no seal, which only an organisation's head affixes.
     */
    public static void personalSignature(Document doc, String function, String hint) {
        PdfPTable table = new PdfPTable(new float[] {55, 45});
        table.setWidthPercentage(100);
        table.setSpacingBefore(18);
        table.setKeepTogether(true);
        table.addCell(cell());
        PdfPCell right = cell();
        right.addElement(centered(function.toUpperCase(OfficialHeading.VI), bold(10)));
        Font italic = font(9);
        italic.setStyle(Font.ITALIC);
        right.addElement(centered(hint, italic));
        right.setPaddingBottom(64);
        table.addCell(right);
        add(doc, table);
    }

    /**
     * A document that sets in the embedded font any text added without one (a spacer paragraph's default font is
     * Helvetica, which the PDF would then name without embedding it), so that every font of the file is embedded.
     */
    private static final class EmbeddedFontsDocument extends Document {

        EmbeddedFontsDocument(Rectangle size, float left, float right, float top, float bottom) {
            super(size, left, right, top, bottom);
        }

        @Override
        public boolean add(Element element) throws DocumentException {
            embed(element);
            return super.add(element);
        }

        private static void embed(Object element) {
            if (element instanceof Chunk chunk && chunk.getFont().getBaseFont() == null) {
                Font f = chunk.getFont();
                chunk.setFont(new Font(f.isBold() ? BOLD : REGULAR, f.getSize() > 0 ? f.getSize() : 11, Font.NORMAL,
                        f.getColor()));
            } else if (element instanceof Phrase phrase) {
                phrase.forEach(EmbeddedFontsDocument::embed);
            } else if (element instanceof PdfPTable table) {
                for (com.lowagie.text.pdf.PdfPRow row : table.getRows()) {
                    for (PdfPCell cell : row.getCells()) {
                        if (cell != null) {
                            embed(cell.getPhrase());
                            if (cell.getCompositeElements() != null) {
                                cell.getCompositeElements().forEach(EmbeddedFontsDocument::embed);
                            }
                        }
                    }
                }
            }
        }
    }
}
