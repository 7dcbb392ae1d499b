package vn.cadretraining.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads a PDF the product wrote with a reader that did not write it (PDFBox): its text, page by page, and its
 * fonts, to check that every one is embedded (a font only referenced prints with whatever the reader has).
 */
public final class Pdfs {

    private Pdfs() {
    }

    /** The text of every page, pages joined by a form feed. */
    public static String text(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setPageEnd("\f");
            return stripper.getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of one page (1-based). */
    public static String page(byte[] pdf, int page) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            return stripper.getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the fonts used anywhere (pages and the forms they draw) that are not embedded. */
    public static Set<String> fontsNotEmbedded(byte[] pdf) {
        Set<String> missing = new TreeSet<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                collect(page.getResources(), missing, new ArrayList<>());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return missing;
    }

    /** Fails with the names of the fonts a PDF only references. */
    public static void assertFontsEmbedded(byte[] pdf, String what) {
        Set<String> missing = fontsNotEmbedded(pdf);
        if (!missing.isEmpty()) {
            throw new AssertionError(what + ": fonts not embedded: " + missing);
        }
    }

    /** How many fonts the PDF uses in all (to tell "none missing" from "none read"). */
    public static int fontCount(byte[] pdf) {
        Set<String> all = new TreeSet<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                PDResources r = page.getResources();
                for (COSName name : r.getFontNames()) {
                    PDFont font = r.getFont(name);
                    all.add(font.getName());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all.size();
    }

    private static void collect(PDResources resources, Set<String> missing, List<PDResources> seen) throws IOException {
        if (resources == null || seen.contains(resources)) {
            return;
        }
        seen.add(resources);
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            if (font != null && !font.isEmbedded()) {
                missing.add(font.getName());
            }
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject x = resources.getXObject(name);
            if (x instanceof PDFormXObject form) {
                collect(form.getResources(), missing, seen);
            }
        }
    }
}
