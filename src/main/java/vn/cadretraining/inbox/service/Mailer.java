package vn.cadretraining.inbox.service;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import vn.cadretraining.inbox.entity.Notification;
import vn.cadretraining.shared.text.Bundle;

/**
 * E-mail for notifications, only when an SMTP server is configured ({@code SMTP_HOST}); off by default, and
 * the application works the same without it. A mail goes out after the transaction that wrote the
 * notification committed, on a managed thread, so that a slow or absent mail server never slows a page or
 * undoes a decision. Failures are logged, not retried: the inbox remains the record.
 *
 * <p>Settings are read at each sending (environment or system properties through MicroProfile Config), so
 * that a server can be configured without a restart.
 */
@ApplicationScoped
public class Mailer {

    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    MailRecipients recipients;

    /** The SMTP settings, when configured. */
    record Settings(String host, int port, String user, String password, String from, boolean startTls) {
        static Optional<Settings> current() {
            Config config = ConfigProvider.getConfig();
            Optional<String> host = config.getOptionalValue("SMTP_HOST", String.class).filter(h -> !h.isBlank());
            return host.map(h -> new Settings(h,
                    config.getOptionalValue("SMTP_PORT", Integer.class).orElse(25),
                    config.getOptionalValue("SMTP_USER", String.class).orElse(null),
                    config.getOptionalValue("SMTP_PASSWORD", String.class).orElse(null),
                    config.getOptionalValue("SMTP_FROM", String.class).orElse("no-reply@localhost"),
                    config.getOptionalValue("SMTP_STARTTLS", Boolean.class).orElse(false)));
        }
    }

    void onSent(@Observes(during = TransactionPhase.AFTER_SUCCESS) Notification notification) {
        Optional<Settings> settings = Settings.current();
        if (settings.isEmpty()) {
            return;
        }
        executor.submit(() -> deliver(settings.get(), notification));
    }

    private void deliver(Settings settings, Notification notification) {
        Optional<MailRecipients.Address> to = recipients.addressOf(notification);
        if (to.isEmpty()) {
            return;
        }
        try {
            Properties props = new Properties();
            props.put("mail.smtp.host", settings.host());
            props.put("mail.smtp.port", String.valueOf(settings.port()));
            props.put("mail.smtp.connectiontimeout", "10000");
            props.put("mail.smtp.timeout", "10000");
            props.put("mail.smtp.starttls.enable", String.valueOf(settings.startTls()));
            Authenticator auth = null;
            if (settings.user() != null) {
                props.put("mail.smtp.auth", "true");
                auth = new Authenticator() {
                    @Override
                    protected PasswordAuthentication getPasswordAuthentication() {
                        return new PasswordAuthentication(settings.user(), settings.password());
                    }
                };
            }
            Session session = Session.getInstance(props, auth);
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(settings.from()));
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to.get().email()));
            String text = Bundle.text(to.get().locale(), notification.getMessageKey(), notification.arguments());
            message.setSubject(Bundle.text(to.get().locale(), "app.name") + ": " + text,
                    StandardCharsets.UTF_8.name());
            message.setText(text + "\n\n" + Bundle.text(to.get().locale(), "inbox.mail.footer"),
                    StandardCharsets.UTF_8.name());
            Transport.send(message);
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Notification " + notification.getId() + " could not be e-mailed", e);
        }
    }
}
