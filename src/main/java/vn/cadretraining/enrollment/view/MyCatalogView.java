package vn.cadretraining.enrollment.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import vn.cadretraining.catalog.entity.CourseClass;
import vn.cadretraining.catalog.entity.SubjectGroup;
import vn.cadretraining.enrollment.service.OfferService;
import vn.cadretraining.shared.faces.Messages;

/** The classes open to the signed-in cadre, phone first: search, subject, from a date; twenty at a time. */
@Named
@ViewScoped
public class MyCatalogView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int STEP = 20;

    @Inject
    OfferService offers;

    private String text;
    private Long subjectGroupId;
    private LocalDate from;
    private int limit = STEP;
    private List<OfferService.Offer> classes;
    private List<SubjectGroup> groups;

    @PostConstruct
    void init() {
        groups = offers.subjectGroups();
        search();
    }

    public void search() {
        limit = STEP;
        load();
    }

    public void more() {
        limit += STEP;
        load();
    }

    private void load() {
        List<OfferService.Offer> found = offers.offers(new OfferService.OfferFilter(text, subjectGroupId, from), limit + 1);
        hasMore = found.size() > limit;
        classes = hasMore ? found.subList(0, limit) : found;
    }

    private boolean hasMore;

    /** Where the cadre stands in the class if they asked for it, else the places left. */
    public String placesText(OfferService.Offer o) {
        if (o.mine() != null) {
            String key = "myCatalog.mine." + o.mine();
            return Messages.text(key, o.position());
        }
        CourseClass k = o.courseClass();
        return k.isFull() ? Messages.text("myCatalog.full")
                : Messages.text("myCatalog.places", k.getFreePlaces());
    }

    public boolean isHasMore() {
        return hasMore;
    }

    public List<OfferService.Offer> getClasses() {
        return classes;
    }

    public List<SubjectGroup> getGroups() {
        return groups;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public Long getSubjectGroupId() {
        return subjectGroupId;
    }

    public void setSubjectGroupId(Long subjectGroupId) {
        this.subjectGroupId = subjectGroupId;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }
}
