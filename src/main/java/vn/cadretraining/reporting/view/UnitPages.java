package vn.cadretraining.reporting.view;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import vn.cadretraining.reporting.service.ReportFormat;
import vn.cadretraining.shared.faces.Messages;

/**
 * A dashboard's table of units, page by page ({@link DashboardLayout#tableRows()} a page), over the rows the view
 * counted once: turning a page counts nothing again. A province of 5,400 communes rendered whole was a 7 MB page.
 * The pager's markup is {@code WEB-INF/includes/unit-pager.xhtml}.
 */
public final class UnitPages<T extends Serializable> implements Serializable {

    private final List<T> all;
    private final int size;
    private final Locale locale;
    private int page = 1;

    public UnitPages(List<T> all, int size, Locale locale) {
        this.all = all;
        this.size = Math.max(1, size);
        this.locale = locale;
    }

    /** Whether the units are more than a page. */
    public boolean isPaged() {
        return all.size() > size;
    }

    public int getPageCount() {
        return Math.max(1, (all.size() + size - 1) / size);
    }

    public int getPage() {
        return Math.min(page, getPageCount());
    }

    public void to(int number) {
        page = Math.max(1, Math.min(number, getPageCount()));
    }

    public List<T> getOnPage() {
        int from = (getPage() - 1) * size;
        return all.subList(from, Math.min(all.size(), from + size));
    }

    /** "51–100 / 5.400": which units of how many, counts written as the reader writes them. */
    public String getReport() {
        int from = (getPage() - 1) * size;
        return Messages.text("general.pageReport")
                .replace("{startRecord}", ReportFormat.count(from + 1, locale))
                .replace("{endRecord}", ReportFormat.count(from + getOnPage().size(), locale))
                .replace("{totalRecords}", ReportFormat.count(all.size(), locale));
    }
}
