package vn.cadretraining.reporting.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Serializable;
import java.util.List;
import java.util.function.BiConsumer;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import vn.cadretraining.reporting.service.PetitionFigures;
import vn.cadretraining.reporting.service.PetitionReport;
import vn.cadretraining.shared.faces.Messages;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.time.VietnamTime;
import vn.cadretraining.shared.web.Language;

/**
 * The dashboard's petition section: the unit's and year's petition figures (the dashboard's own subject, read from
 * {@link DashboardView}) and the quarterly report of petitions for a chosen quarter, as PDF or workbook.
 */
@Named
@ViewScoped
public class DashboardPetitionsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DashboardView dashboard;

    @Inject
    PetitionReport report;

    @Inject
    Language language;

    @Inject
    DashboardLayout layout;

    private PetitionFigures figures;
    private UnitPages<PetitionFigures.UnitRow> unitPages;
    private Integer quarter;

    /** Takes the figures the dashboard read with its own, once per view. */
    public void load() {
        if (figures != null || dashboard.getPetitions() == null) {
            return;
        }
        figures = dashboard.getPetitions();
        unitPages = new UnitPages<>(figures.units(), layout.tableRows(), language.getLocale());
        if (quarter == null) {
            // the running quarter of this year; the last one of a past year
            quarter = figures.year() < VietnamTime.today().getYear() ? 4
                    : Math.min(4, (VietnamTime.today().getMonthValue() + 2) / 3);
        }
    }

    public PetitionFigures getFigures() {
        return figures;
    }

    /** The petitions' table of units, page by page. */
    public UnitPages<PetitionFigures.UnitRow> getUnitPages() {
        return unitPages;
    }

    /** The quarterly report is a commune's or above (a hamlet's petitions are in its commune's report). */
    public boolean isReportable() {
        return figures != null && !figures.unit().getKind().isHamletLevel();
    }

    public List<Integer> getQuarters() {
        return List.of(1, 2, 3, 4);
    }

    public Integer getQuarter() {
        return quarter;
    }

    public void setQuarter(Integer quarter) {
        this.quarter = quarter;
    }

    public StreamedContent getPdf() {
        return file(".pdf", "application/pdf",
                (q, out) -> report.pdf(dashboard.getUnit(), figures.year(), q, language.getLocale(), out));
    }

    public StreamedContent getXlsx() {
        return file(".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                (q, out) -> report.xlsx(dashboard.getUnit(), figures.year(), q, language.getLocale(), out));
    }

    /** The file written whole before it is sent, so that a refusal is a message on the page, not a broken file. */
    private StreamedContent file(String extension, String type, BiConsumer<Integer, ByteArrayOutputStream> writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.accept(quarter == null ? 0 : quarter, out);
        } catch (BusinessException e) {
            Messages.error(e);
            return null;
        }
        byte[] bytes = out.toByteArray();
        return DefaultStreamedContent.builder()
                .name("bao-cao-kien-nghi-" + figures.year() + "-Q" + quarter + "-" + figures.unit().getCode() + extension)
                .contentType(type)
                .stream(() -> new ByteArrayInputStream(bytes))
                .build();
    }
}
