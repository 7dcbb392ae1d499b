package vn.cadretraining.audit.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import vn.cadretraining.audit.entity.AuditAction;
import vn.cadretraining.audit.entity.AuditEntry;
import vn.cadretraining.audit.service.AuditService;
import vn.cadretraining.people.service.transfer.FileFormat;
import vn.cadretraining.shared.faces.PagedModel;
import vn.cadretraining.shared.time.VietnamTime;

/** The audit trail page: filters, the entries paged in the database, newest first, and the export. */
@Named
@ViewScoped
public class AuditView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    @Inject
    AuditService audit;

    private LocalDate from;
    private LocalDate to;
    private AuditAction action;
    private String who;
    private String subject;
    private PagedModel<AuditEntry> model;

    @PostConstruct
    void init() {
        model = new PagedModel<>(() -> audit.count(getFilter()), page -> audit.list(getFilter(), page),
                AuditEntry::getId);
    }

    public AuditService.Filter getFilter() {
        return new AuditService.Filter(from, to, action, who, subject);
    }

    public void clear() {
        from = null;
        to = null;
        action = null;
        who = null;
        subject = null;
    }

    /** A stored value in the reader's language (enum constants are kept as bundle keys). */
    public String value(String stored) {
        return AuditService.value(locale(), stored);
    }

    public StreamedContent getCsv() {
        return file(FileFormat.CSV);
    }

    public StreamedContent getXlsx() {
        return file(FileFormat.XLSX);
    }

    private StreamedContent file(FileFormat format) {
        AuditService.Filter filter = getFilter();
        AuditService service = audit;
        Locale locale = locale();
        return DefaultStreamedContent.builder()
                .name("nhat-ky-thay-doi-" + DAY.format(VietnamTime.today()) + "." + format.extension())
                .contentType(format.contentType())
                .writer(out -> {
                    try {
                        service.export(filter, format, locale, out);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .build();
    }

    private static Locale locale() {
        FacesContext context = FacesContext.getCurrentInstance();
        return context != null && context.getViewRoot() != null ? context.getViewRoot().getLocale()
                : Locale.forLanguageTag("vi");
    }

    public List<AuditAction> getActions() {
        return List.of(AuditAction.values());
    }

    public PagedModel<AuditEntry> getModel() {
        return model;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public AuditAction getAction() {
        return action;
    }

    public void setAction(AuditAction action) {
        this.action = action;
    }

    public String getWho() {
        return who;
    }

    public void setWho(String who) {
        this.who = who;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }
}
