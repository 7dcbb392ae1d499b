package vn.cadretraining.reporting.service;

import com.lowagie.text.Document;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.org.service.UnitService;
import vn.cadretraining.reporting.entity.Basis;
import vn.cadretraining.reporting.entity.Standing;
import vn.cadretraining.reporting.service.Dashboard.Breakdown;
import vn.cadretraining.reporting.service.Dashboard.Figure;
import vn.cadretraining.reporting.service.Dashboard.GroupRow;
import vn.cadretraining.reporting.service.Dashboard.QuarterRow;
import vn.cadretraining.reporting.service.Dashboard.TitleRow;
import vn.cadretraining.reporting.service.Dashboard.UnitRow;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.shared.files.OfficialHeading;
import vn.cadretraining.shared.files.OfficialPdf;
import vn.cadretraining.shared.files.Spreadsheets;
import vn.cadretraining.shared.text.Bundle;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * The dashboard's tables and the untrained lists as official files: a workbook (one sheet per table, numbers as
 * numbers) and a PDF in the layout of official reports (the heading of its issuing body, Party or state, with
 * number and date, title, tables, signature block); the workbook carries the same heading, notes and signer. Both are written from the same tables, made once from the {@link Dashboard} the
 * page shows, so the files hold the page's figures. Every text cell is neutralised against formulas.
 */
@Stateless
@RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
public class ReportExport {

    /** The most rows an untrained list exports. */
    public static final int MAX_LIST = 20_000;

    @Inject
    ProgressService progress;

    @Inject
    UnitService units;

    /** A report's kind in its number: "Số 12-BC/BDVTU" (Party), "Số: 12/BC-UBND" (state). */
    static final String REPORT = "BC";

    /**
     * A cell: its text as the page (and the PDF) writes it, and what the workbook stores, typed: a number, a
     * {@link Spreadsheets.Percent}, a date, or the text itself (null when empty, left an empty cell).
     */
    public record Value(String text, Object cell) {
        static Value text(String text) {
            return new Value(text == null ? "" : text, text == null || text.isEmpty() ? null : text);
        }

        static Value of(double number, String text) {
            return new Value(text, number);
        }

        static Value date(LocalDate date) {
            return date == null ? text(null) : new Value(VietnamTime.DATE.format(date), date);
        }

        /** The number in the cell, when it holds one (a percentage as its percent, 60 for 60%). */
        public Double number() {
            return cell instanceof Number n ? n.doubleValue()
                    : cell instanceof Spreadsheets.Percent p ? p.fraction() * 100 : null;
        }
    }

    /** A table of the report: its title, headings and rows. */
    public record Table(String title, List<String> headings, float[] widths, List<List<Value>> rows) {
    }

    // ---- the dashboard ---------------------------------------------------------------------------------

    public void dashboardXlsx(Dashboard d, Locale locale, OutputStream out) {
        xlsx(reportTitle(d, locale), subtitle(d, locale), tables(d, locale), heading(d.unit()),
                List.of(Bundle.text(locale, "report.pdf.counting")), out, locale);
    }

    public void dashboardPdf(Dashboard d, Locale locale, OutputStream out) {
        pdf(reportTitle(d, locale), subtitle(d, locale), tables(d, locale), heading(d.unit()), locale, out,
                List.of(Bundle.text(locale, "report.pdf.counting")));
    }

    /**
     * The heading both formats of a report print: the issuing body of the unit it reports on (read fresh, so a
     * body an administrator just changed shows), a number left to write by hand, and today's date.
     */
    public OfficialHeading heading(AdminUnit unit) {
        return new OfficialHeading(units.issuer(unit.getId()), REPORT, null, VietnamTime.today());
    }

    /** The tables of a dashboard, in the order of the page. */
    public List<Table> tables(Dashboard d, Locale locale) {
        List<Table> tables = new ArrayList<>();
        String standing = t(locale, "report.col.standing");
        String actual = t(locale, "report.col.actual");
        String target = t(locale, "report.col.target");
        String percent = t(locale, "report.col.percentOfTarget");
        String expected = t(locale, "report.col.expected", VietnamTime.DATE.format(d.asOf()));
        String lastYear = t(locale, "report.col.lastYear", String.valueOf(d.year() - 1));

        List<List<Value>> summary = new ArrayList<>();
        summary.add(figureRow(t(locale, "progress.turns"), d.turns(), false, locale));
        summary.add(figureRow(t(locale, "progress.cadres"), d.cadres(), false, locale));
        summary.add(figureRow(t(locale, "progress.briefings"), d.briefings(), false, locale));
        summary.add(figureRow(t(locale, "progress.paidShare"), d.paidShare(), true, locale));
        tables.add(new Table(t(locale, "report.table.summary"),
                List.of(t(locale, "report.col.measure"), actual, target, percent, expected, standing, lastYear),
                new float[] {30, 10, 10, 10, 12, 14, 10}, summary));

        if (!d.children().isEmpty()) {
            List<List<Value>> units = new ArrayList<>();
            for (UnitRow r : d.children()) {
                units.add(List.of(Value.of(r.rank(), String.valueOf(r.rank())), Value.text(r.unit().getName()),
                        num(r.turns().actual(), locale), target(r.turns().target(), locale),
                        pct(r.turns().getPercent(), locale), decimal(r.turns().target() == null ? null : r.turns().expected(), locale),
                        Value.text(standingText(r.turns().standing(), locale)),
                        num(r.cadres().actual(), locale), target(r.cadres().target(), locale),
                        pct(r.getPaidPercent(), locale), num(r.briefings().actual(), locale),
                        target(r.briefings().target(), locale), num(r.lastYearTurns(), locale)));
            }
            tables.add(new Table(t(locale, "report.table.units", unitKindPlural(d, locale)),
                    List.of(t(locale, "report.col.rank"), t(locale, "report.col.unit"), t(locale, "progress.turns"),
                            target, percent, expected, standing, t(locale, "progress.cadres"), target,
                            t(locale, "progress.paidShareShort"), t(locale, "progress.briefings"), target, lastYear),
                    new float[] {5, 18, 8, 8, 7, 8, 10, 8, 8, 8, 8, 7, 8}, units));
        }

        List<List<Value>> titles = new ArrayList<>();
        for (TitleRow r : d.titles()) {
            titles.add(List.of(Value.text(name(r.nameVi(), r.nameEn(), locale)), num(r.holders(), locale),
                    num(r.trained(), locale), pct(r.share().actual(), locale), pct(r.share().target() == null ? null
                            : r.share().target().doubleValue(), locale),
                    pct(r.share().target() == null ? null : r.share().expected(), locale),
                    Value.text(standingText(r.share().standing(), locale))));
        }
        tables.add(new Table(t(locale, d.basis() == Basis.TERM ? "report.table.titlesTerm" : "report.table.titles"),
                List.of(t(locale, "report.col.title"), t(locale, "progress.holders"), t(locale, "progress.trained"),
                        t(locale, "progress.share"), target, expected, standing),
                new float[] {34, 10, 10, 10, 10, 11, 13}, titles));

        List<List<Value>> quarters = new ArrayList<>();
        for (QuarterRow q : d.quarters()) {
            quarters.add(List.of(Value.text(t(locale, "progress.quarter", q.quarter())), num(q.held(), locale),
                    target(q.target(), locale), Value.text(q.isStarted() ? standingText(q.standing(), locale) : ""),
                    num(q.lastYear(), locale)));
        }
        tables.add(new Table(t(locale, "report.table.briefings"),
                List.of(t(locale, "report.col.quarter"), t(locale, "progress.held"), target, standing, lastYear),
                new float[] {20, 15, 15, 20, 15}, quarters));

        List<List<Value>> subjects = new ArrayList<>();
        for (GroupRow g : d.subjects()) {
            subjects.add(List.of(Value.text(name(g.nameVi(), g.nameEn(), locale)), num(g.turns().actual(), locale),
                    target(g.turns().target(), locale), pct(g.turns().getPercent(), locale),
                    Value.text(standingText(g.turns().standing(), locale)),
                    num(g.turns().lastYear() == null ? 0 : g.turns().lastYear(), locale)));
        }
        tables.add(new Table(t(locale, "report.table.subjects"),
                List.of(t(locale, "report.col.subject"), t(locale, "progress.turns"), target, percent, standing, lastYear),
                new float[] {40, 12, 12, 12, 14, 12}, subjects));

        tables.add(breakdown(t(locale, "report.table.ethnicities"), t(locale, "report.col.ethnicity"),
                d.ethnicities(), locale, true));
        tables.add(breakdown(t(locale, "report.table.genders"), t(locale, "report.col.gender"), d.genders(), locale,
                false));
        return tables;
    }

    private Table breakdown(String title, String heading, List<Breakdown> rows, Locale locale, boolean ethnic) {
        List<List<Value>> lines = new ArrayList<>();
        for (Breakdown b : rows) {
            String label = ethnic ? (b.key().isEmpty() ? t(locale, "progress.ethnicityNone")
                    : name(b.nameVi() == null ? b.key() : b.nameVi(), b.nameEn() == null ? b.key() : b.nameEn(), locale))
                    : t(locale, "Gender." + b.key());
            lines.add(List.of(Value.text(label), num(b.turns(), locale), num(b.cadres(), locale)));
        }
        return new Table(title, List.of(heading, t(locale, "progress.turns"), t(locale, "progress.cadres")),
                new float[] {40, 20, 20}, lines);
    }

    private List<Value> figureRow(String label, Figure f, boolean share, Locale locale) {
        return List.of(Value.text(label), share ? pct(f.actual(), locale) : num(f.actual(), locale),
                share ? pct(f.target() == null ? null : f.target().doubleValue(), locale) : target(f.target(), locale),
                pct(f.getPercent(), locale), decimal(f.target() == null ? null : f.expected(), locale),
                Value.text(standingText(f.standing(), locale)),
                f.lastYear() == null ? Value.text("") : share ? pct(f.lastYear(), locale) : num(f.lastYear(), locale));
    }

    private String reportTitle(Dashboard d, Locale locale) {
        return t(locale, "report.title", String.valueOf(d.year()));
    }

    private String subtitle(Dashboard d, Locale locale) {
        return t(locale, "report.subtitle", d.unit().getLabel(), VietnamTime.DATE.format(d.asOf()));
    }

    private static String unitKindPlural(Dashboard d, Locale locale) {
        return t(locale, d.unit().getParent() == null ? "report.units.communes" : "report.units.hamlets");
    }

    // ---- untrained lists --------------------------------------------------------------------------------

    public void untrainedXlsx(ProgressService.Untrained f, Locale locale, OutputStream out) {
        xlsx(t(locale, "report.untrained.title"), untrainedSubtitle(f, locale), List.of(untrainedTable(f, locale)),
                heading(progress.visibleUnit(f.unitId())), List.of(), out, locale);
    }

    public void untrainedPdf(ProgressService.Untrained f, Locale locale, OutputStream out) {
        pdf(t(locale, "report.untrained.title"), untrainedSubtitle(f, locale), List.of(untrainedTable(f, locale)),
                heading(progress.visibleUnit(f.unitId())), locale, out, List.of());
    }

    /** The whole list (up to {@link #MAX_LIST}): its ids in one statement, then its rows a thousand at a time. */
    public Table untrainedTable(ProgressService.Untrained f, Locale locale) {
        List<List<Value>> rows = new ArrayList<>();
        int n = 1;
        for (ProgressService.UntrainedRow r : progress.untrainedList(f, MAX_LIST)) {
            rows.add(List.of(Value.of(n, String.valueOf(n)), Value.text(r.fullName()), Value.text(r.code()),
                    Value.text(r.unitLabel()),
                    Value.text(String.join("; ", r.titles(locale))),
                    Value.text(r.newlyElected() ? t(locale, "general.true") : ""),
                    Value.date(r.lastCompleted())));
            n++;
        }
        String caption = t(locale, "report.untrained.table");
        if (rows.size() == MAX_LIST) {
            // said in the file, never cut without a word
            caption = t(locale, "report.untrained.truncated", MAX_LIST, progress.countUntrained(f));
        }
        return new Table(caption,
                List.of(t(locale, "classRoster.no"), t(locale, "cadre.fullName"), t(locale, "cadre.code"),
                        t(locale, "cadre.unit"), t(locale, "roster.titlesNow"), t(locale, "report.col.newlyElected"),
                        t(locale, "report.col.lastCompleted")),
                new float[] {5, 22, 12, 26, 28, 8, 12}, rows);
    }

    private String untrainedSubtitle(ProgressService.Untrained f, Locale locale) {
        AdminUnit unit = progress.visibleUnit(f.unitId());
        String title = f.titleId() == null ? t(locale, "progress.anyTitle")
                : progress.title(f.titleId()).map(pt -> pt.name(locale)).orElse("");
        String span = f.basis() == Basis.TERM ? t(locale, "report.untrained.term")
                : t(locale, "report.untrained.year", String.valueOf(f.year()));
        return title + " — " + unit.getLabel() + " — " + span;
    }

    // ---- writing ----------------------------------------------------------------------------------------

    /**
     * A report's tables as a workbook: one sheet per table, the heading, title and subtitle on the first, the notes
     * and the signer on the last (the petitions' report writes with it too).
     */
    public void xlsx(String title, String subtitle, List<Table> tables, OfficialHeading heading, List<String> notes,
            OutputStream out, Locale locale) {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Spreadsheets.Styles styles = Spreadsheets.styles(book);
            CellStyle bold = book.createCellStyle();
            XSSFFont font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            int index = 1;
            for (Table table : tables) {
                String name = index++ + ". " + table.title();
                Sheet sheet = book.createSheet(Spreadsheets.sheetName(name));
                int r = 0;
                if (index == 2) {
                    // the heading of the PDF, block for block: the issuer on the left, the Party's name or the
                    // national motto and the date on the right
                    List<String> left = heading.leftLines();
                    List<String> right = heading.rightLines();
                    int rightColumn = Math.max(2, table.headings().size() / 2);
                    for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
                        Row line = sheet.createRow(r++);
                        if (i < left.size()) {
                            line.createCell(0).setCellValue(left.get(i));
                        }
                        if (i < right.size()) {
                            line.createCell(rightColumn).setCellValue(right.get(i));
                        }
                    }
                    r++;
                    Row titleRow = sheet.createRow(r++);
                    titleRow.createCell(0).setCellValue(Spreadsheets.neutralise(title.toUpperCase(locale)));
                    titleRow.getCell(0).setCellStyle(bold);
                    sheet.createRow(r++).createCell(0).setCellValue(Spreadsheets.neutralise(subtitle));
                    r++;
                }
                Row caption = sheet.createRow(r++);
                caption.createCell(0).setCellValue(Spreadsheets.neutralise(table.title()));
                caption.getCell(0).setCellStyle(bold);
                int headings = r++;
                styles.header(sheet, headings, table.headings());
                for (List<Value> values : table.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int i = 0; i < values.size(); i++) {
                        styles.set(row, i, values.get(i).cell());
                    }
                }
                if (index == tables.size() + 1) {
                    // the notes and the signature block close the report, as on the PDF's last page
                    r++;
                    for (String note : notes) {
                        sheet.createRow(r++).createCell(0).setCellValue(Spreadsheets.neutralise(note));
                    }
                    r++;
                    int signColumn = Math.max(2, table.headings().size() / 2);
                    for (String line : OfficialHeading.signerLines(heading.issuer().signerTitle())) {
                        Row sign = sheet.createRow(r++);
                        sign.createCell(signColumn).setCellValue(Spreadsheets.neutralise(line));
                        sign.getCell(signColumn).setCellStyle(bold);
                    }
                }
                for (int i = 0; i < table.widths().length; i++) {
                    sheet.setColumnWidth(i, Math.min(255, Math.round(table.widths()[i] * 1.4f)) * 256);
                }
                Spreadsheets.frameAndPrint(sheet, headings, headings);
            }
            book.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A report's tables as an official PDF: heading, title, each table with its caption, notes and signature. */
    public void pdf(String title, String subtitle, List<Table> tables, OfficialHeading heading, Locale locale,
            OutputStream out, List<String> notes) {
        Document doc = OfficialPdf.open(out, true, title, subtitle);
        OfficialPdf.header(doc, heading);
        OfficialPdf.title(doc, title, subtitle);
        for (Table table : tables) {
            com.lowagie.text.Paragraph caption = new com.lowagie.text.Paragraph(table.title(), OfficialPdf.bold(11));
            caption.setSpacingBefore(10);
            OfficialPdf.add(doc, caption);
            List<List<String>> rows = new ArrayList<>();
            for (List<Value> values : table.rows()) {
                rows.add(values.stream().map(Value::text).toList());
            }
            if (rows.isEmpty()) {
                OfficialPdf.paragraph(doc, t(locale, "general.noRows"));
            } else {
                OfficialPdf.table(doc, table.widths(), table.headings(), rows);
            }
        }
        // the notes close the report and stay on the page of its signature
        OfficialPdf.signature(doc, heading.issuer().signerTitle(), null, notes);
        doc.close();
    }

    // ---- values -----------------------------------------------------------------------------------------

    private static Value num(double value, Locale locale) {
        return Value.of(Math.round(value), ReportFormat.count(value, locale));
    }

    private static Value target(Integer value, Locale locale) {
        return value == null ? Value.text("") : num(value, locale);
    }

    private static Value pct(Double value, Locale locale) {
        return value == null ? Value.text("")
                : new Value(ReportFormat.percent(value, locale), new Spreadsheets.Percent(round1(value) / 100));
    }

    private static Value decimal(Double value, Locale locale) {
        return value == null ? Value.text("") : Value.of(round1(value), ReportFormat.decimal(value, locale));
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String standingText(Standing s, Locale locale) {
        return s == Standing.NO_TARGET ? "" : t(locale, "Standing." + s.name());
    }

    private static String name(String vi, String en, Locale locale) {
        return "en".equals(locale.getLanguage()) ? en : vi;
    }

    private static String t(Locale locale, String key, Object... args) {
        return Bundle.text(locale, key, args);
    }
}
