package vn.cadretraining.certification.entity;

/** A certificate as stored: valid, or revoked with a reason. Expiry is read from its date, not stored. */
public enum CertificateStatus {
    VALID,
    REVOKED
}
