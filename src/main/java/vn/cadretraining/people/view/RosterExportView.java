package vn.cadretraining.people.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import vn.cadretraining.people.service.RosterExportService;
import vn.cadretraining.people.service.RosterFilter;
import vn.cadretraining.people.service.transfer.FileFormat;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * The roster page's export buttons: the list as the page's filter finds it (the service adds the caller's
 * scope), streamed to the browser while it is read.
 */
@Named
@RequestScoped
public class RosterExportView {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    @Inject
    RosterView rosterView;

    @Inject
    RosterExportService exports;

    public StreamedContent getXlsx() {
        return file(FileFormat.XLSX);
    }

    public StreamedContent getCsv() {
        return file(FileFormat.CSV);
    }

    private StreamedContent file(FileFormat format) {
        RosterFilter filter = rosterView.getFilter();
        RosterExportService service = exports;
        return DefaultStreamedContent.builder()
                .name("danh-sach-can-bo-" + DAY.format(VietnamTime.today()) + "." + format.extension())
                .contentType(format.contentType())
                .writer(out -> {
                    try {
                        service.export(filter, format, out);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .build();
    }
}
