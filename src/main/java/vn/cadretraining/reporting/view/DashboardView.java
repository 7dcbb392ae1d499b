package vn.cadretraining.reporting.view;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import vn.cadretraining.reporting.entity.Basis;
import vn.cadretraining.reporting.entity.Pace;
import vn.cadretraining.reporting.entity.Standing;
import vn.cadretraining.reporting.service.Dashboard;
import vn.cadretraining.reporting.service.Dashboard.GroupRow;
import vn.cadretraining.reporting.service.Dashboard.TitleRow;
import vn.cadretraining.reporting.service.Dashboard.UnitRow;
import vn.cadretraining.reporting.service.PetitionFigures;
import vn.cadretraining.reporting.service.ProgressService;
import vn.cadretraining.reporting.service.ReportExport;
import vn.cadretraining.reporting.service.ReportFormat;
import vn.cadretraining.reporting.service.TargetService;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.faces.Messages;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.time.VietnamTime;
import vn.cadretraining.shared.web.Language;

/**
 * The progress dashboard of one unit and year: headline figures against targets with the expected pace, the
 * units under it ranked, titles, briefings by quarter, subject groups, people; charts; the official files. Its
 * subject comes from the address ({@code unit}, {@code year}, {@code basis}), so every view is a link.
 */
@Named
@ViewScoped
public class DashboardView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ProgressService progress;

    @Inject
    ReportExport export;

    @Inject
    Language language;

    @Inject
    CurrentUser currentUser;

    @Inject
    DashboardLayout layout;

    private Long unit;
    private Integer year;
    private String basis;
    private UnitPages<UnitRow> unitPages;
    private Dashboard dashboard;
    /** The petitions' figures of the same unit and year, read with the dashboard ({@link DashboardPetitionsView}). */
    private PetitionFigures petitions;
    /** The invited share that attended the year's briefings, by unit id (this unit's and each row's). */
    private java.util.Map<Long, ProgressService.Attended> briefingShares = java.util.Map.of();

    public void load() {
        int y = year == null ? VietnamTime.today().getYear() : year;
        Basis b;
        try {
            b = basis == null || basis.isBlank() ? Basis.YEAR : Basis.valueOf(basis);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("basis");
        }
        year = y;
        basis = b.name();
        ProgressService.DashboardPage page = progress.page(unit, y, b);
        dashboard = page.dashboard();
        briefingShares = page.attendance();
        petitions = page.petitions();
        unitPages = new UnitPages<>(dashboard.children(), layout.tableRows(), locale());
    }

    /** "85.0% of the invited attended" for a unit's briefings of the year; empty without invitations. */
    public String briefingShare(Long unitId) {
        ProgressService.Attended a = briefingShares.get(unitId);
        return a == null || a.getPercent() == null ? ""
                : Messages.text("progress.briefingShare", String.format(language.getLocale(), "%.1f", a.getPercent()),
                        a.attended(), a.invited());
    }

    /** Another year or basis: the same page at its new address. */
    public void go() throws IOException {
        FacesContext.getCurrentInstance().getExternalContext().redirect(address("/reports/dashboard.xhtml", unit, ""));
    }

    // ---- links ------------------------------------------------------------------------------------------
    // Written here rather than as h:link, whose outcome is resolved through the navigation rules for every row
    // of every table (6% of a counted commune page's request thread in the profile, issue 7).

    /** The dashboard of a unit under this one (or above it), same year and basis. */
    public String drill(long unitId) {
        return address("/reports/dashboard.xhtml", unitId, "");
    }

    /** The cadres of this unit holding a title and not trained in the year. */
    public String untrained(long titleId) {
        return address("/reports/untrained.xhtml", dashboard.unit().getId(), "&title=" + titleId);
    }

    private String address(String view, Long unitId, String more) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + view + "?year=" + year
                + "&basis=" + URLEncoder.encode(basis == null ? "YEAR" : basis, StandardCharsets.UTF_8)
                + (unitId == null ? "" : "&unit=" + unitId) + more;
    }

    // ---- what the page shows --------------------------------------------------------------------------

    public List<Integer> getYears() {
        int now = VietnamTime.today().getYear();
        List<Integer> years = new ArrayList<>();
        for (int y = now; y >= now - 5; y--) {
            years.add(y);
        }
        if (year != null && !years.contains(year)) {
            years.add(year);
        }
        return years;
    }

    /** Sets targets: province reviewers and administrators. */
    public boolean isPlanner() {
        return currentUser.mayCall(TargetService.class, "save");
    }

    /** A past year: compared with the whole of the year before; a running one with the same part of it. */
    public boolean isYearOver() {
        return dashboard.year() < VietnamTime.today().getYear();
    }

    public boolean isHamlet() {
        return dashboard.unit().getKind().isHamletLevel();
    }

    /** A count as the reader writes it. */
    public String n(double value) {
        return ReportFormat.count(value, locale());
    }

    /** A target, or a dash when none is set. */
    public String target(Integer value) {
        return value == null ? "—" : ReportFormat.count(value, locale());
    }

    public String decimal(double value) {
        return ReportFormat.decimal(value, locale());
    }

    public String pct(Double value) {
        return value == null ? "—" : ReportFormat.percent(value, locale());
    }

    public String change(Double value) {
        return ReportFormat.change(value, locale());
    }

    /** A bar's width (0-100%), written with a dot whatever the language. */
    public String width(Double percent) {
        double v = percent == null ? 0 : Math.max(0, Math.min(100, percent));
        return String.format(Locale.ROOT, "%.1f%%", v);
    }

    public String standing(Standing s) {
        String key = "Standing." + (s == null ? Standing.NO_TARGET : s).name();
        return Messages.text(key);
    }

    public String name(String vi, String en) {
        return language.isEnglish() ? en : vi;
    }

    public String quarterLabel(int q) {
        return Messages.text("progress.quarter", q);
    }

    // ---- charts ---------------------------------------------------------------------------------------

    /**
     * The units under this one: the share of their turns target done (coloured by standing) against the pace
     * line; without targets (hamlets), the share of their paid-title holders trained.
     */
    public String getUnitsChart() {
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<String> colours = new ArrayList<>();
        List<Double> pace = new ArrayList<>();
        boolean targets = dashboard.childTargets();
        for (UnitRow r : ends(dashboard.children(), layout.chartEnds())) {
            labels.add(r.unit().getName());
            if (targets) {
                values.add(r.turns().getPercent());
                colours.add(Charts.colour(r.turns().standing()));
                pace.add(dashboard.elapsed() * 100);
            } else {
                values.add(r.getPaidPercent());
                colours.add(Charts.AHEAD);
            }
        }
        List<Charts.Series> series = new ArrayList<>();
        series.add(new Charts.Series(Messages.text(targets ? "progress.chart.percentOfTarget" : "progress.chart.paidShare"),
                values, colours, null));
        if (targets) {
            series.add(new Charts.Series(Messages.text("progress.chart.pace"), pace, List.of(Charts.PACE), "line"));
        }
        return Charts.bars(labels, series, true, 100.0, "%");
    }

    /** The height of the units chart: a bar per unit shown. */
    public String getUnitsChartStyle() {
        return "height: " + Math.max(220, 26 * ends(dashboard.children(), layout.chartEnds()).size() + 90) + "px";
    }

    /** The first and the last {@code each} of a ranking, or all of it when that is not more. */
    static <T> List<T> ends(List<T> ranked, int each) {
        if (ranked.size() <= 2 * each) {
            return ranked;
        }
        List<T> ends = new ArrayList<>(ranked.subList(0, each));
        ends.addAll(ranked.subList(ranked.size() - each, ranked.size()));
        return ends;
    }

    /** Whether the units chart leaves out the middle of the ranking (see {@link DashboardLayout}). */
    public boolean isUnitsChartShortened() {
        return dashboard.children().size() > 2 * layout.chartEnds();
    }

    public int getChartEnds() {
        return layout.chartEnds();
    }

    /** The units table, page by page. */
    public UnitPages<UnitRow> getUnitPages() {
        return unitPages;
    }

    /** Turns month by month, added up: this year, last year, and the pace of the target. */
    public String getMonthlyChart() {
        List<String> labels = new ArrayList<>();
        List<Double> now = new ArrayList<>();
        List<Double> last = new ArrayList<>();
        List<Double> pace = new ArrayList<>();
        Integer target = dashboard.turns().target();
        int today = VietnamTime.today().getYear() == dashboard.year() ? VietnamTime.today().getMonthValue() : 12;
        boolean future = dashboard.year() > VietnamTime.today().getYear();
        double a = 0;
        double b = 0;
        for (int m = 1; m <= 12; m++) {
            labels.add(Month.of(m).getDisplayName(TextStyle.SHORT, locale()));
            a += dashboard.monthlyTurns()[m - 1];
            b += dashboard.monthlyTurnsLastYear()[m - 1];
            now.add(future || m > today ? null : a);
            last.add(b);
            if (target != null) {
                LocalDate end = YearMonth.of(dashboard.year(), m).atEndOfMonth();
                // the pace rule's own expectation at the month's end, not a second copy of it here
                pace.add(Pace.expected(target, (double) end.getDayOfYear() / end.lengthOfYear()));
            }
        }
        List<Charts.Series> series = new ArrayList<>();
        series.add(new Charts.Series(String.valueOf(dashboard.year()), now, List.of(Charts.AHEAD), null));
        series.add(new Charts.Series(String.valueOf(dashboard.year() - 1), last, List.of(Charts.LAST), null));
        if (target != null) {
            series.add(new Charts.Series(Messages.text("progress.chart.targetPace"), pace, List.of(Charts.PACE), "dashed"));
        }
        return Charts.lines(labels, series, Messages.text("progress.turns"));
    }

    /** The share of each title's holders trained, with the target and its pace. */
    public String getTitlesChart() {
        List<String> labels = new ArrayList<>();
        List<Double> now = new ArrayList<>();
        List<String> colours = new ArrayList<>();
        List<Double> target = new ArrayList<>();
        List<Double> pace = new ArrayList<>();
        boolean anyTarget = false;
        for (TitleRow t : dashboard.titles()) {
            if (t.holders() == 0) {
                continue;
            }
            labels.add(shortName(name(t.nameVi(), t.nameEn())));
            now.add(t.share().actual());
            colours.add(t.share().target() == null ? Charts.AHEAD : Charts.colour(t.share().standing()));
            target.add(t.share().target() == null ? null : t.share().target().doubleValue());
            pace.add(t.share().target() == null ? null : t.share().expected());
            anyTarget |= t.share().target() != null;
        }
        List<Charts.Series> series = new ArrayList<>();
        series.add(new Charts.Series(Messages.text("progress.share"), now, colours, null));
        if (anyTarget) {
            series.add(new Charts.Series(Messages.text("progress.chart.pace"), pace, List.of(Charts.BEHIND), "points"));
            series.add(new Charts.Series(Messages.text("progress.chart.target"), target, List.of(Charts.PACE), "points"));
        }
        return Charts.bars(labels, series, false, 100.0, "%");
    }

    /** Turns in each subject group, this year and last, with the target. */
    public String getSubjectsChart() {
        List<String> labels = new ArrayList<>();
        List<Double> now = new ArrayList<>();
        List<String> colours = new ArrayList<>();
        List<Double> last = new ArrayList<>();
        List<Double> target = new ArrayList<>();
        boolean anyTarget = false;
        for (GroupRow g : dashboard.subjects()) {
            labels.add(shortName(name(g.nameVi(), g.nameEn())));
            now.add(g.turns().actual());
            colours.add(g.turns().target() == null ? Charts.AHEAD : Charts.colour(g.turns().standing()));
            last.add(g.turns().lastYear());
            target.add(g.turns().target() == null ? null : g.turns().target().doubleValue());
            anyTarget |= g.turns().target() != null;
        }
        List<Charts.Series> series = new ArrayList<>();
        series.add(new Charts.Series(String.valueOf(dashboard.year()), now, colours, null));
        series.add(new Charts.Series(String.valueOf(dashboard.year() - 1), last, List.of(Charts.LAST), null));
        if (anyTarget) {
            series.add(new Charts.Series(Messages.text("progress.chart.target"), target, List.of(Charts.PACE), "points"));
        }
        return Charts.bars(labels, series, false, null, Messages.text("progress.turns"));
    }

    /** Long names cut for a chart's axis (the tables carry them whole). */
    private static String shortName(String name) {
        return name.length() > 28 ? name.substring(0, 27) + "…" : name;
    }

    // ---- files ------------------------------------------------------------------------------------------

    public StreamedContent getXlsx() {
        return DefaultStreamedContent.builder()
                .name(fileName() + ".xlsx")
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .writer(out -> export.dashboardXlsx(dashboard, language.getLocale(), out))
                .build();
    }

    public StreamedContent getPdf() {
        return DefaultStreamedContent.builder()
                .name(fileName() + ".pdf")
                .contentType("application/pdf")
                .writer(out -> export.dashboardPdf(dashboard, language.getLocale(), out))
                .build();
    }

    private String fileName() {
        return "bao-cao-boi-duong-" + dashboard.year() + "-" + dashboard.unit().getCode();
    }

    private Locale locale() {
        return language.getLocale();
    }

    // ---- address ----------------------------------------------------------------------------------------

    public Dashboard getDashboard() {
        return dashboard;
    }

    PetitionFigures getPetitions() {
        return petitions;
    }

    public Long getUnit() {
        return unit;
    }

    public void setUnit(Long unit) {
        this.unit = unit;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public String getBasis() {
        return basis;
    }

    public void setBasis(String basis) {
        this.basis = basis;
    }
}
