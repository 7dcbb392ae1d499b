package vn.cadretraining.attendance.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A QR code a cadre used for a session: the same code is never accepted twice from the same person. */
@Entity
@IdClass(QrCheckIn.Key.class)
@Table(name = "qr_check_in")
public class QrCheckIn implements Serializable {

    private static final long serialVersionUID = 1L;

    @Id
    @Column(name = "session_id")
    private Long sessionId;

    @Id
    @Column(name = "cadre_id")
    private Long cadreId;

    @Id
    @Column(name = "slot")
    private Long slot;

    @Column(name = "used_at", nullable = false)
    private Instant usedAt;

    protected QrCheckIn() {
    }

    public QrCheckIn(long sessionId, long cadreId, long slot) {
        this.sessionId = sessionId;
        this.cadreId = cadreId;
        this.slot = slot;
        this.usedAt = Instant.now();
    }

    public Long getSessionId() {
        return sessionId;
    }

    public Long getCadreId() {
        return cadreId;
    }

    public Long getSlot() {
        return slot;
    }

    /** The composite key. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long sessionId;
        private Long cadreId;
        private Long slot;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(sessionId, k.sessionId) && Objects.equals(cadreId, k.cadreId)
                    && Objects.equals(slot, k.slot);
        }

        @Override
        public int hashCode() {
            return Objects.hash(sessionId, cadreId, slot);
        }
    }
}
