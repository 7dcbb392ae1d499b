package vn.cadretraining.org.entity;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import java.time.LocalDate;
import java.util.Optional;
import vn.cadretraining.shared.entity.BaseEntity;
import vn.cadretraining.shared.entity.Lengths;
import vn.cadretraining.shared.files.Issuer;
import vn.cadretraining.shared.text.TextFold;

/**
 * A province, district, commune-level unit or hamlet-level unit, valid over a span of dates. Units are
 * never deleted: a unit that ends is closed ({@code validTo}) and, when it was merged, points at the unit
 * that absorbed it, so that history recorded under it still counts somewhere.
 *
 * <p>{@code path} lists the ids from the root down ("/1/7/120/"), which turns "this unit and everything
 * under it" into one indexed prefix comparison.
 */
@Entity
@Cacheable
@Table(name = "admin_unit")
public class AdminUnit extends BaseEntity {

    private static final long serialVersionUID = 1L;

    public static final int CODE_LENGTH = Lengths.CODE;
    public static final int NAME_LENGTH = Lengths.NAME;

    @NotBlank
    @Size(max = CODE_LENGTH)
    @Column(name = "code", nullable = false, length = CODE_LENGTH)
    private String code;

    @NotBlank
    @Size(max = NAME_LENGTH)
    @Column(name = "name", nullable = false, length = NAME_LENGTH)
    private String name;

    @Column(name = "name_folded", nullable = false, length = NAME_LENGTH)
    private String nameFolded;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = Lengths.ENUM)
    private UnitKind kind;

    // lists show a hamlet with its commune: the parents of a page of units load in one IN query
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    @BatchFetch(BatchFetchType.IN)
    private AdminUnit parent;

    @Column(name = "path", nullable = false, length = Lengths.PATH)
    private String path;

    @NotNull
    @Column(name = "valid_from", nullable = false)
    private LocalDate validFrom;

    @Column(name = "valid_to")
    private LocalDate validTo;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "successor_id")
    private AdminUnit successor;

    /** The unit that carries this one's history today: itself while current. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "current_unit_id")
    private AdminUnit currentUnit;

    /** Who issues this unit's official documents, when an administrator configured it (else the defaults). */
    @Embedded
    private IssuingBody issuingBody;

    protected AdminUnit() {
    }

    public AdminUnit(String code, String name, UnitKind kind, AdminUnit parent, LocalDate validFrom) {
        this.code = code;
        this.name = name;
        this.kind = kind;
        this.parent = parent;
        this.validFrom = validFrom;
    }

    @PrePersist
    @PreUpdate
    void fold() {
        nameFolded = TextFold.fold(name);
        if (path == null) {
            // a new unit learns its own id only after the insert; the service completes the path then
            path = parent == null ? "/" : parent.getPath();
        }
    }

    /**
     * Completes what needs the id, once the insert assigned it: the path, and the unit carrying its own
     * history.
     */
    public void completeAfterInsert() {
        path = (parent == null ? "/" : parent.getPath()) + getId() + "/";
        currentUnit = this;
    }

    /**
     * The name with its commune for hamlet-level units ("Khu phố 1 — Phường Hạ Long"): every ward has a Khu
     * phố 1, so the name alone says too little in a list.
     */
    public String getLabel() {
        return kind.isHamletLevel() && parent != null ? name + " — " + parent.getName() : name;
    }

    /** True when {@code other} is this unit or lies anywhere under it. */
    public boolean contains(AdminUnit other) {
        return other != null && other.getPath() != null && path != null && other.getPath().startsWith(path);
    }

    public boolean isCurrentOn(LocalDate day) {
        return !validFrom.isAfter(day) && (validTo == null || !validTo.isBefore(day));
    }

    public boolean isClosed() {
        return validTo != null;
    }

    public void rename(String newName) {
        this.name = newName;
    }

    /**
     * Ends the unit on the day before {@code effective}: from that day it no longer exists. With a successor
     * (a merge, or an abolition whose functions went to another unit) its history counts under the
     * successor from then on.
     */
    public void close(LocalDate effective, AdminUnit absorbedBy) {
        this.validTo = effective.minusDays(1);
        this.successor = absorbedBy;
        if (absorbedBy != null) {
            this.currentUnit = absorbedBy.getCurrentUnit();
        }
    }

    /**
     * Moves the unit under another parent. Only its own path changes here; the caller rewrites the paths of
     * its subtree in one statement.
     */
    public void moveUnder(AdminUnit newParent) {
        this.parent = newParent;
        this.path = newParent.getPath() + getId() + "/";
    }

    /**
     * Who issues this unit's official documents and how their heading prints: the body an administrator
     * configured, else the default of its level. The province's reports come from its Tỉnh ủy's Ban Dân vận
     * (the body that runs the training of grassroots cadres), a commune's from the commune's Đảng ủy under the
     * provincial Party organisation; a hamlet's Party cell issues no papers, so a hamlet's come from its commune,
     * and a district's (kept for history only) from the province.
     */
    public Issuer issuer() {
        if (issuingBody != null && issuingBody.isSet()) {
            return issuingBody.toIssuer(place());
        }
        if (parent == null || kind == UnitKind.PROVINCE) {
            String province = shortName(this);
            return new Issuer(Issuer.Kind.PARTY, "Tỉnh ủy " + province, "Ban Dân vận", "BDVTU", "Trưởng ban", province);
        }
        if (kind.isCommuneLevel()) {
            return new Issuer(Issuer.Kind.PARTY, "Đảng bộ tỉnh " + shortName(root()), "Đảng ủy " + name, "ĐU",
                    "T/M Đảng ủy / Bí thư", name);
        }
        return kind.isHamletLevel() ? parent.issuer() : root().issuer();
    }

    /** The place a date line names: the province's name without "Tỉnh", a commune's own name. */
    private String place() {
        if (parent == null || kind == UnitKind.PROVINCE) {
            return shortName(this);
        }
        return kind.isCommuneLevel() ? name : parent.place();
    }

    /** The commune (or ward, special zone) this unit is or lies in; empty above that level. */
    public Optional<AdminUnit> communeLevel() {
        for (AdminUnit u = this; u != null; u = u.parent) {
            if (u.kind.isCommuneLevel()) {
                return Optional.of(u);
            }
        }
        return Optional.empty();
    }

    /** The root of the tree: the province. */
    public AdminUnit root() {
        AdminUnit u = this;
        while (u.parent != null) {
            u = u.parent;
        }
        return u;
    }

    /** "Quảng Ninh" for "Tỉnh Quảng Ninh": the Party committee is the "Tỉnh ủy Quảng Ninh". */
    private static String shortName(AdminUnit u) {
        for (String prefix : new String[] {"Tỉnh ", "Thành phố "}) {
            if (u.name.startsWith(prefix)) {
                return u.name.substring(prefix.length());
            }
        }
        return u.name;
    }

    /** Sets (or, with null, clears back to the default) who issues this unit's documents. */
    public void configureIssuingBody(IssuingBody body) {
        this.issuingBody = body;
    }

    /** The configured issuing body, or null while the defaults apply. */
    public IssuingBody getIssuingBody() {
        return issuingBody != null && issuingBody.isSet() ? issuingBody : null;
    }

    /** The unit under which this unit's history is counted today. */
    public AdminUnit getCurrentUnit() {
        return currentUnit == null ? this : currentUnit;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getNameFolded() {
        return nameFolded;
    }

    public UnitKind getKind() {
        return kind;
    }

    public AdminUnit getParent() {
        return parent;
    }

    public String getPath() {
        return path;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public AdminUnit getSuccessor() {
        return successor;
    }
}
