package vn.cadretraining.reporting.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.cadretraining.petition.entity.PetitionState;
import vn.cadretraining.reporting.service.PetitionFigures.Counts;
import vn.cadretraining.reporting.service.PetitionFigures.FieldRow;
import vn.cadretraining.reporting.service.PetitionFigures.UnitRow;
import vn.cadretraining.reporting.service.PetitionProgress.Listed;
import vn.cadretraining.reporting.service.PetitionProgress.QuarterReport;
import vn.cadretraining.reporting.service.ReportExport.Table;
import vn.cadretraining.reporting.service.ReportExport.Value;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.shared.files.Spreadsheets;
import vn.cadretraining.shared.text.Bundle;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * The quarterly report of petitions (báo cáo định kỳ hằng quý) as official files, in the issuing body's format
 * like the training reports ({@link ReportExport}: the Party committee's heading by Hướng dẫn 36-HD/VPTW for the
 * province and the communes): the quarter's figures beside the same quarter a year before, by state, field and
 * unit; the petitions received in the quarter, by state; those sent up to the province; the answers due. The PDF
 * and the workbook are written from the same tables, so they say the same.
 */
@Stateless
@RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
public class PetitionReport {

    /** Content is cut to this in the PDF's lists (the workbook keeps it whole). */
    private static final int SHORT = 220;

    @Inject
    PetitionProgress petitions;

    @Inject
    ReportExport export;

    public void pdf(Long unitId, int year, int quarter, Locale locale, OutputStream out) {
        QuarterReport r = petitions.quarter(unitId, year, quarter);
        export.pdf(title(r, locale), subtitle(r, locale), tables(r, locale), export.heading(r.unit()), locale, out,
                notes(r, locale));
    }

    public void xlsx(Long unitId, int year, int quarter, Locale locale, OutputStream out) {
        QuarterReport r = petitions.quarter(unitId, year, quarter);
        export.xlsx(title(r, locale), subtitle(r, locale), tables(r, locale), export.heading(r.unit()),
                notes(r, locale), out, locale);
    }

    private static String title(QuarterReport r, Locale locale) {
        return t(locale, "petitionReport.title", r.quarter(), String.valueOf(r.year()));
    }

    private static String subtitle(QuarterReport r, Locale locale) {
        return t(locale, "petitionReport.subtitle", r.unit().getLabel(), VietnamTime.DATE.format(r.from()),
                VietnamTime.DATE.format(r.to()), VietnamTime.DATE.format(r.asOf()));
    }

    private static List<String> notes(QuarterReport r, Locale locale) {
        List<String> notes = new ArrayList<>();
        notes.add(t(locale, "petitionReport.note.counting", VietnamTime.DATE.format(r.asOf())));
        notes.add(t(locale, "petitionReport.note.share"));
        return notes;
    }

    /** The report's tables, in the order of the file. */
    public List<Table> tables(QuarterReport r, Locale locale) {
        List<Table> tables = new ArrayList<>();
        String now = t(locale, "petitionReport.col.quarter", r.quarter(), String.valueOf(r.year()));
        String before = t(locale, "petitionReport.col.sameQuarter", String.valueOf(r.year() - 1));

        List<List<Value>> figures = new ArrayList<>();
        Counts c = r.counts();
        Counts l = r.lastYear();
        figures.add(List.of(text(t(locale, "petitionFigures.received")), num(c.received(), locale), num(l.received(), locale)));
        figures.add(List.of(text(t(locale, "petitionFigures.resolved")), num(c.resolved(), locale), num(l.resolved(), locale)));
        figures.add(List.of(text(t(locale, "petitionFigures.satisfied")), num(c.satisfied(), locale),
                num(l.satisfied(), locale)));
        figures.add(List.of(text(t(locale, "petitionFigures.satisfiedShare")), pct(c.getSatisfiedShare(), locale),
                pct(l.getSatisfiedShare(), locale)));
        figures.add(List.of(text(t(locale, "petitionFigures.target", String.valueOf(r.year()))),
                r.target() == null ? text("") : pct(r.target().doubleValue(), locale), text("")));
        figures.add(List.of(text(t(locale, "petitionFigures.overdue")), num(c.overdue(), locale), num(l.overdue(), locale)));
        figures.add(List.of(text(t(locale, "petitionFigures.transferred")), num(c.transferred(), locale),
                num(l.transferred(), locale)));
        figures.add(List.of(text(t(locale, "petitionFigures.median")), days(r.durations().median(), locale),
                days(r.lastYearDurations().median(), locale)));
        figures.add(List.of(text(t(locale, "petitionFigures.p90")), days(r.durations().p90(), locale),
                days(r.lastYearDurations().p90(), locale)));
        figures.add(List.of(text(t(locale, "petitionFigures.openNow", VietnamTime.DATE.format(r.asOf()))),
                num(r.openNow(), locale), text("")));
        figures.add(List.of(text(t(locale, "petitionFigures.overdueNow", VietnamTime.DATE.format(r.asOf()))),
                num(r.overdueNow(), locale), text("")));
        tables.add(new Table(t(locale, "petitionReport.table.figures"),
                List.of(t(locale, "report.col.measure"), now, before), new float[] {50, 18, 18}, figures));

        List<List<Value>> states = new ArrayList<>();
        for (PetitionState s : PetitionState.values()) {
            states.add(List.of(text(t(locale, "PetitionState." + s.name())), num(r.byState().get(s), locale)));
        }
        states.add(List.of(text(t(locale, "petitionReport.total")), num(r.listedTotal(), locale)));
        tables.add(new Table(t(locale, "petitionReport.table.states"),
                List.of(t(locale, "petition.state"), t(locale, "petitionFigures.received")), new float[] {40, 20}, states));

        List<List<Value>> fields = new ArrayList<>();
        for (FieldRow f : r.fields()) {
            fields.add(counts(text(t(locale, "PetitionField." + f.field().name())), f.counts(), null, f.lastYear(),
                    locale));
        }
        tables.add(new Table(t(locale, "petitionReport.table.fields"), countHeadings(t(locale, "petition.field"),
                false, r.year(), locale), new float[] {26, 11, 11, 11, 11, 11, 11, 12}, fields));

        if (r.units().stream().anyMatch(u -> u.counts().received() > 0 || u.lastYear().received() > 0)) {
            List<List<Value>> units = new ArrayList<>();
            for (UnitRow u : r.units()) {
                if (u.counts().received() == 0 && u.lastYear().received() == 0) {
                    continue;
                }
                units.add(counts(text(u.unit().getName()), u.counts(), u.target(), u.lastYear(), locale));
            }
            if (r.elsewhere().received() > 0) {
                units.add(counts(text(t(locale, "petitionFigures.elsewhere")), r.elsewhere(), null, Counts.NONE, locale));
            }
            tables.add(new Table(t(locale, "petitionReport.table.units"), countHeadings(t(locale, "report.col.unit"),
                    true, r.year(), locale), new float[] {24, 9, 9, 9, 9, 9, 9, 9, 11}, units));
        }

        String state = t(locale, "petition.state");
        String received = t(locale, "petition.receivedOn");
        String hamlet = t(locale, "petitionReport.col.hamlet");
        String content = t(locale, "petition.content");
        String dueOn = t(locale, "petition.dueOn");
        List<List<Value>> listed = new ArrayList<>();
        int n = 1;
        for (Listed p : r.listed()) {
            listed.add(List.of(num(n++, locale), text(t(locale, "PetitionState." + p.state().name())),
                    Value.date(p.receivedOn()), text(place(p)), text(p.raiser()),
                    text(t(locale, "PetitionField." + p.field().name())), content(p.content()), text(p.body()),
                    Value.date(p.dueOn()), text(answer(p))));
        }
        String caption = t(locale, "petitionReport.table.listed");
        if (r.listed().size() < r.listedTotal()) {
            // said in the file, never cut without a word
            caption = t(locale, "petitionReport.table.listedCut", r.listed().size(), r.listedTotal());
        }
        tables.add(new Table(caption, List.of(t(locale, "classRoster.no"), state, received, hamlet,
                t(locale, "petition.raiser"), t(locale, "petition.field"), content, t(locale, "petition.body"), dueOn,
                t(locale, "petitionReport.col.answer")), new float[] {4, 9, 8, 13, 11, 8, 22, 11, 8, 10}, listed));

        List<List<Value>> up = new ArrayList<>();
        n = 1;
        for (Listed p : r.transferred()) {
            up.add(List.of(num(n++, locale), Value.date(p.transferredOn()), Value.date(p.receivedOn()), text(place(p)),
                    content(p.content()), text(p.transferReason()), Value.date(p.dueOn()),
                    text(t(locale, "PetitionState." + p.state().name()))));
        }
        tables.add(new Table(t(locale, "petitionReport.table.transferred"), List.of(t(locale, "classRoster.no"),
                t(locale, "petitionReport.col.transferredOn"), received, hamlet, content, t(locale, "petition.reason"),
                dueOn, state), new float[] {4, 9, 9, 15, 28, 16, 9, 10}, up));

        List<List<Value>> due = new ArrayList<>();
        n = 1;
        for (Listed p : r.due()) {
            due.add(List.of(num(n++, locale), Value.date(p.dueOn()),
                    text(p.overdue() ? t(locale, "petition.overdue") : ""), Value.date(p.receivedOn()), text(place(p)),
                    content(p.content()), text(p.body() == null && p.atProvince()
                            ? t(locale, "petition.transferred") : p.body()),
                    text(t(locale, "PetitionState." + p.state().name()))));
        }
        tables.add(new Table(t(locale, "petitionReport.table.due", VietnamTime.DATE.format(r.asOf())),
                List.of(t(locale, "classRoster.no"), dueOn, t(locale, "petition.overdue"), received, hamlet, content,
                        t(locale, "petition.body"), state), new float[] {4, 9, 8, 9, 15, 29, 14, 10}, due));
        return tables;
    }

    private static List<String> countHeadings(String first, boolean target, int year, Locale locale) {
        List<String> h = new ArrayList<>(List.of(first, t(locale, "petitionFigures.received"),
                t(locale, "petitionFigures.resolved"), t(locale, "petitionFigures.satisfied"),
                t(locale, "petitionFigures.satisfiedShareShort")));
        if (target) {
            h.add(t(locale, "report.col.target"));
        }
        h.addAll(List.of(t(locale, "petitionFigures.overdue"), t(locale, "petitionFigures.transferred"),
                t(locale, "petitionReport.col.receivedBefore", String.valueOf(year - 1))));
        return h;
    }

    private static List<Value> counts(Value label, Counts c, PetitionFigures.Target target, Counts before,
            Locale locale) {
        List<Value> row = new ArrayList<>(List.of(label, num(c.received(), locale), num(c.resolved(), locale),
                num(c.satisfied(), locale), pct(c.getSatisfiedShare(), locale)));
        if (target != null) {
            row.add(target.value() == null ? text("") : pct(target.value().doubleValue(), locale));
        }
        row.addAll(List.of(num(c.overdue(), locale), num(c.transferred(), locale), num(before.received(), locale)));
        return row;
    }

    private static String place(Listed p) {
        return p.hamlet() + " — " + p.commune();
    }

    private static String answer(Listed p) {
        if (p.answeredOn() == null) {
            return "";
        }
        return p.answerNumber() + ", " + VietnamTime.DATE.format(p.answeredOn());
    }

    /** The content whole in the workbook, cut in the PDF's narrow column. */
    private static Value content(String text) {
        String shown = text.length() > SHORT ? text.substring(0, SHORT - 1) + "…" : text;
        return new Value(shown, text);
    }

    private static Value text(String s) {
        return Value.text(s);
    }

    private static Value num(long value, Locale locale) {
        return Value.of(value, ReportFormat.count(value, locale));
    }

    private static Value pct(Double value, Locale locale) {
        return value == null ? Value.text("") : new Value(ReportFormat.percent(value, locale),
                new Spreadsheets.Percent(Math.round(value * 10) / 1000.0));
    }

    private static Value days(Double value, Locale locale) {
        return value == null ? Value.text("") : Value.of(value, ReportFormat.decimal(value, locale));
    }

    private static String t(Locale locale, String key, Object... args) {
        return Bundle.text(locale, key, args);
    }
}
