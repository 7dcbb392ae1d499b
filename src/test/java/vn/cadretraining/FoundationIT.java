package vn.cadretraining;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.util.List;
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
import vn.cadretraining.audit.entity.AuditAction;
import vn.cadretraining.audit.entity.AuditEntry;
import vn.cadretraining.audit.entity.AuditSubject;
import vn.cadretraining.audit.service.AuditService;
import vn.cadretraining.demo.DemoProvince;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.people.service.CadreAccountService;
import vn.cadretraining.security.entity.Account;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.AccountService;
import vn.cadretraining.security.service.PasswordHasher;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.Database;
import vn.cadretraining.shared.service.PageRequest;
import vn.cadretraining.testing.Deployments;
import vn.cadretraining.testing.InContainer;

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

    @Inject
    AccountService accounts;

    @Inject
    CadreAccountService cadreAccounts;

    @Inject
    AuditService audit;

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

    @Test
    void everyChangeToAnAccountLeavesItsAuditEntryReadInScope() throws Exception {
        InContainer.signIn("admin", DemoProvince.DEMO_PASSWORD);
        long haLong = unit("Phường Hạ Long"), baiChay = unit("Phường Bãi Cháy");
        String username = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        long id = accounts.create(username, "Người thử nhật ký", Role.COORDINATOR, haLong).account().getId();
        assertEquals(List.of("ACCOUNT_CREATED: null → Role.COORDINATOR"), trail(id));

        accounts.update(id, accounts.get(id).getVersion(), "Người thử nhật ký", Role.COORDINATOR, baiChay);
        accounts.update(id, accounts.get(id).getVersion(), "Người thử nhật ký (đổi tên)", Role.COORDINATOR, baiChay);
        assertEquals("general.error.changedMeanwhile", assertThrows(BusinessException.class,
                () -> accounts.update(id, 0, "Người thử", Role.TRAINER, null)).getMessageKey());
        accounts.update(id, accounts.get(id).getVersion(), "Người thử nhật ký", Role.TRAINER, null);
        accounts.disable(id);
        accounts.enable(id);
        accounts.resetPassword(id);
        List<String> trail = trail(id);
        assertEquals(7, trail.size(), "a rename is not audited, a refused change leaves nothing: " + trail);
        assertEquals(List.of("ACCOUNT_CREATED: null → Role.COORDINATOR",
                "ACCOUNT_SCOPE_CHANGED: Phường Hạ Long → Phường Bãi Cháy"), trail.subList(0, 2));
        // one save that changes role and unit: two entries, written together in no particular order
        assertEquals(java.util.Set.of("ACCOUNT_ROLE_CHANGED: Role.COORDINATOR → Role.TRAINER",
                "ACCOUNT_SCOPE_CHANGED: Phường Bãi Cháy → null"), java.util.Set.copyOf(trail.subList(2, 4)));
        assertEquals(List.of("ACCOUNT_DISABLED: null → null", "ACCOUNT_ENABLED: null → null",
                "PASSWORD_RESET: null → null"), trail.subList(4, 7));
        AuditEntry created = em.createQuery("SELECT e FROM AuditEntry e WHERE e.subjectId = :id AND e.action = :a",
                AuditEntry.class).setParameter("id", id).setParameter("a", AuditAction.ACCOUNT_CREATED).getSingleResult();
        assertEquals("admin", created.getActorUsername());
        assertTrue(created.getSubjectLabel().startsWith(username), created.getSubjectLabel());

        // a coordinator gives one of their cadres an account and resets it: their own entries, read in scope
        InContainer.signIn("xa.halong", DemoProvince.DEMO_PASSWORD);
        Cadre cadre = em.createQuery("SELECT c FROM Cadre c WHERE c.unit.parent.id = :u AND NOT EXISTS (SELECT a FROM"
                + " Account a WHERE a.cadreId = c.id) ORDER BY c.id DESC", Cadre.class).setParameter("u", haLong)
                .setMaxResults(1).getSingleResult();
        long cadreAccount = cadreAccounts.give(cadre.getId(), false).account().getId();
        cadreAccounts.reset(cadre.getId());
        assertEquals(List.of("ACCOUNT_CREATED: null → Role.CADRE", "PASSWORD_RESET: null → null"), trail(cadreAccount));
        AuditService.Filter mine = new AuditService.Filter(null, null, null, "xa.halong", null);
        assertTrue(audit.list(mine, PageRequest.of(0, 100)).stream().anyMatch(e -> e.getSubjectId() == cadreAccount),
                "the coordinator reads what they did to their cadre's account");
        assertEquals(1, audit.count(new AuditService.Filter(null, null, null, null, username)),
                "of that account, only its creation for their ward: not what was done to it in another ward or later");
    }

    /** An account's audit entries, oldest first, as "ACTION: before → after". */
    private List<String> trail(long accountId) {
        em.clear();
        return em.createQuery("SELECT e FROM AuditEntry e WHERE e.subjectKind = :k AND e.subjectId = :id ORDER BY e.id",
                        AuditEntry.class).setParameter("k", AuditSubject.ACCOUNT).setParameter("id", accountId)
                .getResultList().stream().map(e -> e.getAction() + ": " + e.getValueBefore() + " → " + e.getValueAfter())
                .toList();
    }

    private long unit(String name) {
        return em.createQuery("SELECT u.id FROM AdminUnit u WHERE u.name = :n AND u.validTo IS NULL", Long.class)
                .setParameter("n", name).getSingleResult();
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
