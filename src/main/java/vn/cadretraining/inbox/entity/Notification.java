package vn.cadretraining.inbox.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import vn.cadretraining.shared.entity.BaseEntity;
import vn.cadretraining.shared.entity.Lengths;

/**
 * A message in someone's inbox. It keeps a bundle key and its arguments rather than text, so that it reads
 * in the language of whoever opens it, whenever they do. It goes to an account, or to a cadre: a cadre who
 * gets an account later still finds what was sent to them.
 */
@Entity
@Table(name = "notification")
public class Notification extends BaseEntity {

    private static final long serialVersionUID = 1L;

    /** Separates the arguments in one column: a character no one types. */
    private static final String SEPARATOR = "\u001F";

    @Column(name = "recipient_account_id")
    private Long recipientAccountId;

    @Column(name = "recipient_cadre_id")
    private Long recipientCadreId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = Lengths.LONG_ENUM)
    private NotificationKind kind;

    @Column(name = "message_key", nullable = false, length = Lengths.MESSAGE_KEY)
    private String messageKey;

    @Column(name = "message_args", length = Lengths.NOTE)
    private String messageArgs;

    @Column(name = "class_id")
    private Long classId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    private Notification(NotificationKind kind, Long classId, String messageKey, Object... args) {
        this.kind = kind;
        this.classId = classId;
        this.messageKey = messageKey;
        this.messageArgs = args.length == 0 ? null : String.join(SEPARATOR,
                Arrays.stream(args).map(a -> a == null ? "" : String.valueOf(a).replace(SEPARATOR, " ")).toList());
        if (messageArgs != null && messageArgs.length() > Lengths.NOTE) {
            messageArgs = messageArgs.substring(0, Lengths.NOTE);
        }
        this.createdAt = Instant.now();
    }

    public static Notification toCadre(long cadreId, NotificationKind kind, Long classId, String key, Object... args) {
        Notification n = new Notification(kind, classId, key, args);
        n.recipientCadreId = cadreId;
        return n;
    }

    public static Notification toAccount(long accountId, NotificationKind kind, Long classId, String key,
            Object... args) {
        Notification n = new Notification(kind, classId, key, args);
        n.recipientAccountId = accountId;
        return n;
    }

    public void markRead() {
        if (readAt == null) {
            readAt = Instant.now();
        }
    }

    public Object[] arguments() {
        if (messageArgs == null) {
            return new Object[0];
        }
        return new ArrayList<>(List.of(messageArgs.split(SEPARATOR, -1))).toArray();
    }

    public boolean isRead() {
        return readAt != null;
    }

    public Long getRecipientAccountId() {
        return recipientAccountId;
    }

    public Long getRecipientCadreId() {
        return recipientCadreId;
    }

    public NotificationKind getKind() {
        return kind;
    }

    public String getMessageKey() {
        return messageKey;
    }

    public Long getClassId() {
        return classId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadAt() {
        return readAt;
    }
}
