package vn.cadretraining.org.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;
import vn.cadretraining.shared.entity.Lengths;
import vn.cadretraining.shared.files.Issuer;

/**
 * The body that issues a unit's official documents, as an administrator configured it: its name, its superior,
 * whether it is a Party organ or a state body, the abbreviation in its document numbers and its signer's title.
 */
@Embeddable
public class IssuingBody implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int NAME_LENGTH = Lengths.NAME;
    public static final int ABBREVIATION_LENGTH = Lengths.CODE;

    @Column(name = "issuer_name", length = NAME_LENGTH)
    private String name;

    @Column(name = "issuer_superior", length = NAME_LENGTH)
    private String superior;

    @Enumerated(EnumType.STRING)
    @Column(name = "issuer_kind", length = Lengths.SHORT_ENUM)
    private Issuer.Kind kind;

    @Column(name = "issuer_abbreviation", length = ABBREVIATION_LENGTH)
    private String abbreviation;

    @Column(name = "issuer_signer", length = NAME_LENGTH)
    private String signerTitle;

    protected IssuingBody() {
    }

    public IssuingBody(String name, String superior, Issuer.Kind kind, String abbreviation, String signerTitle) {
        this.name = name;
        this.superior = superior;
        this.kind = kind;
        this.abbreviation = abbreviation;
        this.signerTitle = signerTitle;
    }

    /** Configured: a body without a name (all columns null, as EclipseLink may load it) is none. */
    public boolean isSet() {
        return name != null && !name.isBlank() && kind != null;
    }

    public Issuer toIssuer(String place) {
        return new Issuer(kind, superior, name, abbreviation, signerTitle, place);
    }

    public String getName() {
        return name;
    }

    public String getSuperior() {
        return superior;
    }

    public Issuer.Kind getKind() {
        return kind;
    }

    public String getAbbreviation() {
        return abbreviation;
    }

    public String getSignerTitle() {
        return signerTitle;
    }
}
