package vn.cadretraining.briefing.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import vn.cadretraining.briefing.entity.Briefing;
import vn.cadretraining.briefing.service.BriefingService;
import vn.cadretraining.shared.faces.Actions;
import vn.cadretraining.shared.faces.Messages;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.web.Language;

/**
 * A briefing conference: its facts (chair, secretary, theme), the information given, the invited share that
 * attended by title, the invitations from the roster (previewed, then sent), and the minutes as a PDF.
 */
@Named
@ViewScoped
public class BriefingView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    BriefingService briefings;

    @Inject
    Language language;

    private Long id;
    private BriefingService.Page page;
    private BriefingService.Preview preview;
    private String chair;
    private String chairPosition;
    private String secretary;
    private String theme;

    public void load() {
        if (id == null) {
            throw new NotFoundException("briefing");
        }
        page = briefings.page(id);
        Briefing f = page.facts();
        chair = f == null ? null : f.getChairName();
        chairPosition = f == null ? null : f.getChairPosition();
        secretary = f == null ? null : f.getSecretaryName();
        theme = f == null ? null : f.getTheme();
    }

    public void saveFacts() {
        Actions.change(() -> briefings.describe(id, chair, chairPosition, secretary, theme), this::load,
                "briefing.saved");
    }

    public void previewInvitations() {
        Actions.attempt(() -> preview = briefings.previewInvitations(id));
    }

    public void invite() {
        Actions.attempt(() -> {
            BriefingService.Result r = briefings.invite(id);
            Messages.info("briefing.invitedDone", r.invited());
            preview = null;
            load();
        });
    }

    public void closePreview() {
        preview = null;
    }

    /** The preview's titles of one invitee, in the page's language. */
    public String titlesOf(BriefingService.Invitee i) {
        return BriefingService.titleNames(i.titleCodes(), preview.byTitle(), language.getLocale());
    }

    public String percent(Double p) {
        return p == null ? "—" : String.format(language.getLocale(), "%.1f%%", p);
    }

    public boolean isThematic() {
        return page.cls().getCourse().getKind() == vn.cadretraining.catalog.entity.ActivityKind.THEMATIC_BRIEFING;
    }

    public BriefingService.Page getPage() {
        return page;
    }

    public BriefingService.Preview getPreview() {
        return preview;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getChair() {
        return chair;
    }

    public void setChair(String chair) {
        this.chair = chair;
    }

    public String getChairPosition() {
        return chairPosition;
    }

    public void setChairPosition(String chairPosition) {
        this.chairPosition = chairPosition;
    }

    public String getSecretary() {
        return secretary;
    }

    public void setSecretary(String secretary) {
        this.secretary = secretary;
    }

    public String getTheme() {
        return theme;
    }

    public void setTheme(String theme) {
        this.theme = theme;
    }
}
