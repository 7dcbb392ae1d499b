package vn.cadretraining.shared.files;

/**
 * The body that issues an official document, as its heading prints it: its name under its superior, its kind
 * (which sets the layout), the abbreviation that ends its document numbers, the title its signer signs under
 * (" / " breaks it into lines: "T/M Đảng ủy / Bí thư"), and the place its date line names.
 */
public record Issuer(Kind kind, String superior, String name, String abbreviation, String signerTitle, String place) {

    /** Party organs write by Hướng dẫn 36-HD/VPTW (2018); state bodies by Nghị định 30/2020/NĐ-CP. */
    public enum Kind {
        PARTY,
        STATE
    }

    public boolean isParty() {
        return kind == Kind.PARTY;
    }
}
