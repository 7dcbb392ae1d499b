package vn.cadretraining.org.view;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.primefaces.model.LazyDefaultTreeNode;
import org.primefaces.model.TreeNode;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.org.entity.UnitChange;
import vn.cadretraining.org.entity.UnitKind;
import vn.cadretraining.org.entity.UnitMerge;
import vn.cadretraining.org.service.UnitAdminService;
import vn.cadretraining.org.service.UnitEvents;
import vn.cadretraining.org.service.UnitService;
import vn.cadretraining.shared.faces.Actions;
import vn.cadretraining.shared.faces.Messages;
import vn.cadretraining.shared.files.Issuer;
import vn.cadretraining.shared.time.VietnamTime;

/**
 * The administrator's tree of units: children load when a node opens; closed units show on request, with
 * the unit that absorbed them. Dialogs create, rename, close and merge (with a preview first).
 */
@Named
@ViewScoped
public class UnitsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    UnitService units;

    @Inject
    UnitAdminService admin;

    /** A unit in the tree, with how many units are under it (so that a leaf shows no toggle). */
    public record UnitRow(AdminUnit unit, long children) implements Serializable {
        // EL 5 reads properties through getters only
        public AdminUnit getUnit() {
            return unit;
        }

        public long getChildren() {
            return children;
        }
    }

    private boolean showClosed;
    private TreeNode<UnitRow> root;

    // the unit a dialog acts on
    private AdminUnit subject;
    // create
    private String newCode;
    private String newName;
    private UnitKind newKind;
    private LocalDate newFrom;
    // rename and close
    private String renameTo;
    private LocalDate effective;
    // merge
    private List<AdminUnit> mergeSources = new ArrayList<>();
    private boolean mergeIntoNew;
    private AdminUnit mergeTarget;
    private AdminUnit mergeParent;
    private UnitAdminService.Preview preview;
    // issuing body: the form shows what prints today (the configured body or the defaults)
    private String issuerName;
    private String issuerSuperior;
    private Issuer.Kind issuerKind;
    private String issuerAbbreviation;
    private String issuerSigner;
    // history
    private List<UnitChange> history = List.of();
    private List<AdminUnit> predecessors = List.of();

    @PostConstruct
    void init() {
        rebuild();
    }

    public void rebuild() {
        root = new LazyDefaultTreeNode<>(new UnitRow(null, 1), this::childrenOf, row -> row.children() == 0);
    }

    /** The rows under a row: the roots for the invisible root, else the unit's children, counted in one query. */
    List<UnitRow> childrenOf(UnitRow parent) {
        List<AdminUnit> list = parent.unit() == null ? units.roots()
                : units.children(parent.unit().getId(), showClosed);
        Map<Long, Long> counts = units.childCounts(list.stream().map(AdminUnit::getId).toList(), showClosed);
        return list.stream().map(u -> new UnitRow(u, counts.getOrDefault(u.getId(), 0L))).toList();
    }

    // ---- create ----

    public void startCreate(AdminUnit parent) {
        subject = parent;
        newCode = null;
        newName = null;
        newKind = getChildKinds().isEmpty() ? null : getChildKinds().get(0);
        newFrom = VietnamTime.today();
    }

    public void create() {
        if (subject == null) {
            // the dialog was posted without a unit chosen from the tree (a tampered or replayed request)
            Messages.error("general.error.incomplete");
            return;
        }
        Actions.attempt(() -> {
            AdminUnit created = admin.create(subject.getId(), newCode, newName, newKind, newFrom);
            Messages.info("units.created", created.getName());
            done("createDialog");
        });
    }

    /** Kinds that may sit under the subject: the levels below it, without the abolished district level. */
    public List<UnitKind> getChildKinds() {
        if (subject == null) {
            return List.of();
        }
        int level = subject.getKind().getLevel();
        return Arrays.stream(UnitKind.values())
                .filter(k -> k.getLevel() == level + 1 || level == 1 && k.getLevel() == 3)
                .filter(k -> k != UnitKind.DISTRICT)
                .toList();
    }

    // ---- rename and close ----

    public void startRename(AdminUnit unit) {
        subject = unit;
        renameTo = unit.getName();
        effective = VietnamTime.today();
    }

    public void rename() {
        if (subject == null) {
            // the dialog was posted without a unit chosen from the tree (a tampered or replayed request)
            Messages.error("general.error.incomplete");
            return;
        }
        Actions.inDialog("renameDialog", () -> admin.rename(subject.getId(), subject.getVersion(), renameTo, effective),
                this::rebuild, "units.renamed", renameTo);
    }

    public void startClose(AdminUnit unit) {
        subject = unit;
        effective = VietnamTime.today();
    }

    public String getCloseText() {
        return subject == null ? "" : Messages.text("units.close.explain", subject.getName());
    }

    public void close() {
        if (subject == null) {
            // the dialog was posted without a unit chosen from the tree (a tampered or replayed request)
            Messages.error("general.error.incomplete");
            return;
        }
        Actions.inDialog("closeDialog", () -> admin.close(subject.getId(), effective), this::rebuild, "units.closed",
                subject.getName());
    }

    // ---- merge ----

    public void startMerge(AdminUnit unit) {
        subject = unit;
        mergeSources = new ArrayList<>(List.of(unit));
        mergeIntoNew = false;
        mergeTarget = null;
        mergeParent = unit.getParent();
        newCode = null;
        newName = null;
        newKind = unit.getKind();
        effective = VietnamTime.today().plusDays(1);
        preview = null;
    }

    public void previewMerge() {
        preview = admin.preview(sourceIds(), mergeIntoNew ? null : idOf(mergeTarget), mergeIntoNew ? newKind : null,
                newName, effective);
    }

    public void merge() {
        Actions.attempt(() -> {
            AdminUnit successor = admin.merge(sourceIds(), mergeIntoNew ? null : idOf(mergeTarget),
                    mergeIntoNew ? newKind : null, newCode, newName, mergeIntoNew ? idOf(mergeParent) : null, effective);
            Messages.info("units.merged", mergeSources.size(), successor.getName());
            preview = null;
            done("mergeDialog");
        });
    }

    /** Any change of the merge form makes the previous preview stale. */
    public void forgetPreview() {
        preview = null;
    }

    private List<Long> sourceIds() {
        return mergeSources.stream().map(AdminUnit::getId).distinct().toList();
    }

    private static Long idOf(AdminUnit unit) {
        return unit == null ? null : unit.getId();
    }

    /** A preview line in the reader's language. */
    public String previewText(UnitEvents.PreviewLine line) {
        return Messages.text(line.key(), line.count());
    }

    public String problemText(UnitMerge.Problem problem) {
        return Messages.text(problem.key(), problem.args());
    }

    // ---- issuing body ----

    public void startIssuer(AdminUnit unit) {
        subject = unit;
        Issuer now = unit.issuer();
        issuerName = now.name();
        issuerSuperior = now.superior();
        issuerKind = now.kind();
        issuerAbbreviation = now.abbreviation();
        issuerSigner = now.signerTitle();
    }

    public void saveIssuer() {
        if (subject == null) {
            // the dialog was posted without a unit chosen from the tree (a tampered or replayed request)
            Messages.error("general.error.incomplete");
            return;
        }
        Actions.inDialog("issuerDialog", () -> admin.configureIssuingBody(subject.getId(), subject.getVersion(),
                new UnitAdminService.IssuingBodyForm(issuerName, issuerSuperior, issuerKind, issuerAbbreviation,
                        issuerSigner)), this::rebuild, "units.issuer.saved", subject.getName());
    }

    public Issuer.Kind[] getIssuerKinds() {
        return Issuer.Kind.values();
    }

    public String getIssuerName() {
        return issuerName;
    }

    public void setIssuerName(String issuerName) {
        this.issuerName = issuerName;
    }

    public String getIssuerSuperior() {
        return issuerSuperior;
    }

    public void setIssuerSuperior(String issuerSuperior) {
        this.issuerSuperior = issuerSuperior;
    }

    public Issuer.Kind getIssuerKind() {
        return issuerKind;
    }

    public void setIssuerKind(Issuer.Kind issuerKind) {
        this.issuerKind = issuerKind;
    }

    public String getIssuerAbbreviation() {
        return issuerAbbreviation;
    }

    public void setIssuerAbbreviation(String issuerAbbreviation) {
        this.issuerAbbreviation = issuerAbbreviation;
    }

    public String getIssuerSigner() {
        return issuerSigner;
    }

    public void setIssuerSigner(String issuerSigner) {
        this.issuerSigner = issuerSigner;
    }

    // ---- history ----

    public void showHistory(AdminUnit unit) {
        subject = unit;
        history = units.history(unit.getId());
        predecessors = units.predecessors(unit.getId());
    }

    private void done(String dialog) {
        Actions.hide(dialog);
        rebuild();
    }

    // ---- accessors ----

    public TreeNode<UnitRow> getRoot() {
        return root;
    }

    public boolean isShowClosed() {
        return showClosed;
    }

    public void setShowClosed(boolean showClosed) {
        this.showClosed = showClosed;
    }

    public AdminUnit getSubject() {
        return subject;
    }

    public String getNewCode() {
        return newCode;
    }

    public void setNewCode(String newCode) {
        this.newCode = newCode;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public UnitKind getNewKind() {
        return newKind;
    }

    public void setNewKind(UnitKind newKind) {
        this.newKind = newKind;
    }

    public LocalDate getNewFrom() {
        return newFrom;
    }

    public void setNewFrom(LocalDate newFrom) {
        this.newFrom = newFrom;
    }

    public String getRenameTo() {
        return renameTo;
    }

    public void setRenameTo(String renameTo) {
        this.renameTo = renameTo;
    }

    public LocalDate getEffective() {
        return effective;
    }

    public void setEffective(LocalDate effective) {
        this.effective = effective;
    }

    public List<AdminUnit> getMergeSources() {
        return mergeSources;
    }

    public void setMergeSources(List<AdminUnit> mergeSources) {
        this.mergeSources = mergeSources == null ? new ArrayList<>() : new ArrayList<>(mergeSources);
    }

    public boolean isMergeIntoNew() {
        return mergeIntoNew;
    }

    public void setMergeIntoNew(boolean mergeIntoNew) {
        this.mergeIntoNew = mergeIntoNew;
    }

    public AdminUnit getMergeTarget() {
        return mergeTarget;
    }

    public void setMergeTarget(AdminUnit mergeTarget) {
        this.mergeTarget = mergeTarget;
    }

    public AdminUnit getMergeParent() {
        return mergeParent;
    }

    public void setMergeParent(AdminUnit mergeParent) {
        this.mergeParent = mergeParent;
    }

    public UnitAdminService.Preview getPreview() {
        return preview;
    }

    public List<UnitChange> getHistory() {
        return history;
    }

    public List<AdminUnit> getPredecessors() {
        return predecessors;
    }

    public UnitKind[] getKinds() {
        return UnitKind.values();
    }
}
