package vn.cadretraining;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.transaction.UserTransaction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.cadretraining.security.entity.Account;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.PasswordHasher;
import vn.cadretraining.shared.service.Database;
import vn.cadretraining.testing.Deployments;

/** The foundation inside a real Payara Micro: the schema's migrations and the identity store. */
@ExtendWith(ArquillianExtension.class)
class FoundationIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.warWithTestHelpers();
    }

    @Inject
    Database database;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource appDataSource;

    @Inject
    IdentityStoreHandler identityStores;

    @PersistenceContext
    EntityManager em;

    @Inject
    UserTransaction tx;

    @Test
    void migrationsBuildAnEmptyDatabaseAndAreANoOpTheSecondTime() throws Exception {
        EmbeddedDataSource fresh = new EmbeddedDataSource();
        fresh.setDatabaseName("memory:migrations-" + UUID.randomUUID() + ";create=true");
        int known = Flyway.configure(Database.class.getClassLoader()).dataSource(fresh)
                .locations("classpath:db/migration").load().info().all().length;
        assertTrue(known > 0, "the WAR carries its migrations");

        MigrateResult first = Database.migrate(fresh);
        assertEquals(known, first.migrationsExecuted, "every migration ran on the empty database");
        try (Connection c = fresh.getConnection(); Statement s = c.createStatement()) {
            for (String table : new String[] {"admin_unit", "account"}) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    assertEquals(0, rs.getLong(1), table + " exists and is empty");
                }
            }
        }

        MigrateResult second = Database.migrate(fresh);
        assertEquals(0, second.migrationsExecuted, "nothing runs twice");
        assertEquals(first.targetSchemaVersion, Flyway.configure(Database.class.getClassLoader()).dataSource(fresh)
                .locations("classpath:db/migration").load().info().current().getVersion().getVersion());
    }

    @Test
    void theApplicationDatabaseWasMigratedAtStartAndAnswers() {
        assertTrue(database.isMigrated());
        assertTrue(database.answers());
        assertEquals(0, Database.migrate(appDataSource).migrationsExecuted, "already at the newest version");
    }

    @Test
    void theIdentityStoreSignsInAValidAccountWithItsRole() throws Exception {
        String username = account("trainer-ok", Role.TRAINER, "Đúng mật khẩu 1", true);
        CredentialValidationResult result = identityStores.validate(
                new UsernamePasswordCredential(username, "Đúng mật khẩu 1"));
        assertEquals(CredentialValidationResult.Status.VALID, result.getStatus());
        assertEquals(username, result.getCallerPrincipal().getName());
        assertEquals(java.util.Set.of("TRAINER"), result.getCallerGroups());
    }

    @Test
    void theIdentityStoreSignsInWhateverCaseTheUsernameIsTypedIn() throws Exception {
        String username = account("coord-case", Role.CADRE, "Đúng mật khẩu 2", true);
        CredentialValidationResult result = identityStores.validate(
                new UsernamePasswordCredential("  " + username.toUpperCase() + " ", "Đúng mật khẩu 2"));
        assertEquals(CredentialValidationResult.Status.VALID, result.getStatus());
        assertEquals(username, result.getCallerPrincipal().getName());
    }

    @Test
    void theIdentityStoreRefusesAWrongPassword() throws Exception {
        String username = account("wrong-pw", Role.CADRE, "Đúng mật khẩu 3", true);
        assertEquals(CredentialValidationResult.Status.INVALID, identityStores.validate(
                new UsernamePasswordCredential(username, "Sai mật khẩu 3")).getStatus());
        assertEquals(CredentialValidationResult.Status.INVALID, identityStores.validate(
                new UsernamePasswordCredential(username, "đúng mật khẩu 3")).getStatus(), "passwords keep their case");
    }

    @Test
    void theIdentityStoreRefusesADisabledAccountEvenWithTheRightPassword() throws Exception {
        String username = account("disabled", Role.PROVINCE, "Đúng mật khẩu 4", false);
        assertEquals(CredentialValidationResult.Status.INVALID, identityStores.validate(
                new UsernamePasswordCredential(username, "Đúng mật khẩu 4")).getStatus());
    }

    @Test
    void theIdentityStoreRefusesAnUnknownUsername() {
        assertEquals(CredentialValidationResult.Status.INVALID, identityStores.validate(
                new UsernamePasswordCredential("khong-co-ai-" + UUID.randomUUID(), "bất kỳ")).getStatus());
    }

    @Test
    void anAccountHashedWithPbkdf2BeforeSignsInAndItsHashIsReplacedByArgon2id() throws Exception {
        // as stored before Argon2id: PBKDF2-HMAC-SHA256, 600,000 iterations
        byte[] salt = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("Mật khẩu cũ 5".toCharArray(), salt, 600_000, 256)).getEncoded();
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        String old = "PBKDF2WithHmacSHA256:600000:" + b64.encodeToString(salt) + ":" + b64.encodeToString(key);
        String username = accountWithHash("old-hash", Role.CADRE, old, true);
        Object[] setAt = passwordSet(username);
        Object version = versionAndLastSignIn(username)[0];
        assertEquals(CredentialValidationResult.Status.INVALID, identityStores.validate(
                new UsernamePasswordCredential(username, "Mat khau cu 5")).getStatus());
        assertEquals(old, storedHash(username), "a wrong password changes nothing");

        assertEquals(CredentialValidationResult.Status.VALID, identityStores.validate(
                new UsernamePasswordCredential(username, "Mật khẩu cũ 5")).getStatus());
        String now = storedHash(username);
        assertTrue(now.startsWith("$argon2id$v=19$m=7168,t=5,p=1$"), now);
        assertEquals(CredentialValidationResult.Status.VALID, identityStores.validate(
                new UsernamePasswordCredential(username, "Mật khẩu cũ 5")).getStatus(), "the same password, new hash");
        assertEquals(now, storedHash(username), "replaced once");
        // not a new password: when it was set and whether it must be changed stay, so the account's sessions on
        // other devices (which end when the password is set after they began) go on
        assertArrayEquals(setAt, passwordSet(username));
        assertEquals(version, versionAndLastSignIn(username)[0], "nor a change of the account");
    }

    @Test
    void aSignInIsNotAChangeOfTheAccount() throws Exception {
        String username = account("bookkeeping", Role.TRAINER, "Đúng mật khẩu 6", true);
        Object[] before = versionAndLastSignIn(username);
        assertEquals(null, before[1], "never signed in");
        assertEquals(CredentialValidationResult.Status.VALID, identityStores.validate(
                new UsernamePasswordCredential(username, "Đúng mật khẩu 6")).getStatus());
        Object[] after = versionAndLastSignIn(username);
        assertNotNull(after[1], "when it signed in is kept");
        // the version stays: an administrator who opened the account before saves it without a false "changed
        // meanwhile", and two sign-ins at the same moment do not collide on it
        assertEquals(before[0], after[0]);
    }

    private Object[] versionAndLastSignIn(String username) {
        return (Object[]) em.createNativeQuery("SELECT version, last_sign_in_at FROM account WHERE username = ?1")
                .setParameter(1, username).getSingleResult();
    }

    private Object[] passwordSet(String username) {
        return (Object[]) em.createNativeQuery("SELECT password_changed_at, must_change_password FROM account"
                + " WHERE username = ?1").setParameter(1, username).getSingleResult();
    }

    private String storedHash(String username) {
        return (String) em.createNativeQuery("SELECT password_hash FROM account WHERE username = ?1")
                .setParameter(1, username).getSingleResult();
    }

    /** A fresh account of its own for each test: tests share the server, never their data. */
    private String account(String prefix, Role role, String password, boolean enabled) throws Exception {
        return accountWithHash(prefix, role, new PasswordHasher().hash(password), enabled);
    }

    private String accountWithHash(String prefix, Role role, String hash, boolean enabled) throws Exception {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        tx.begin();
        Account a = new Account(username, "Người thử " + prefix, role, null);
        a.setOwnPassword(hash);
        if (!enabled) {
            a.disable();
        }
        em.persist(a);
        tx.commit();
        return username;
    }
}
