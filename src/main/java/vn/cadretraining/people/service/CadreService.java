package vn.cadretraining.people.service;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.eclipse.persistence.config.HintValues;
import org.eclipse.persistence.config.QueryHints;
import org.eclipse.persistence.queries.CursoredStream;
import vn.cadretraining.org.entity.AdminUnit;
import vn.cadretraining.org.service.UnitEvents;
import vn.cadretraining.people.entity.Cadre;
import vn.cadretraining.people.entity.CadreSearchToken;
import vn.cadretraining.people.entity.EducationLevel;
import vn.cadretraining.people.entity.Ethnicity;
import vn.cadretraining.people.entity.Gender;
import vn.cadretraining.people.entity.PoliticalTheoryLevel;
import vn.cadretraining.people.entity.Position;
import vn.cadretraining.people.entity.PositionTitle;
import vn.cadretraining.security.entity.Account;
import vn.cadretraining.security.entity.Role;
import vn.cadretraining.security.service.Caller;
import vn.cadretraining.security.service.CurrentUser;
import vn.cadretraining.shared.service.BusinessException;
import vn.cadretraining.shared.service.NotFoundException;
import vn.cadretraining.shared.service.PageRequest;
import vn.cadretraining.shared.text.TextFold;

/**
 * The roster: finding cadres, reading and changing one, and their positions. Every read and write is
 * limited to the caller's scope here, on the server: a coordinator sees and changes only the cadres on
 * rosters under their unit (a cadre outside it is "not found", so a changed id in a URL learns nothing);
 * administrators and province reviewers see everyone, but reviewers change nothing; a cadre sees only
 * themselves.
 */
@Stateless
public class CadreService {

    /** A search by typed words shows at most this many cadres (the first found, in the page's order). */
    public static final int SEARCH_CAP = 1000;

    /** Read beyond the cap, for cadres found twice (two of their words begin with the driving word). */
    static final int SEARCH_MARGIN = 100;

    /** Surname and middle-name words so common that they narrow nothing: never used to drive a search. */
    static final Set<String> COMMON_WORDS = Set.of("nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu",
            "vo", "dang", "bui", "do", "ho", "ngo", "duong", "ly", "van", "thi", "duc", "minh", "ngoc", "thanh");

    private static final Map<String, String> SORTS = Map.of(
            "fullName", "c.nameSort", "code", "c.code", "birthDate", "c.birthDate");

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentUser currentUser;

    @Inject
    Instance<SearchMemo> memo;

    @Inject
    RosterCounts rosterCounts;

    @Inject
    Event<RosterCounts.Changed> rostersChanged;

    @Inject
    Event<PeopleEvents.Described> described;

    @Inject
    Event<PeopleEvents.PositionsChanging> positionsChanging;

    @Inject
    Event<PeopleEvents.PositionsChanged> positionsChanged;

    /** A cadre's details as a form submits them. */
    public record Details(String fullName, Gender gender, LocalDate birthDate, String ethnicityCode,
            String phone, EducationLevel education, PoliticalTheoryLevel politicalTheory, boolean partyMember,
            LocalDate partyJoined, String nationalId, Long unitId) {
    }

    // ---- finding ------------------------------------------------------------------------------------

    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
    public List<RosterRow> search(RosterFilter filter, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        String order = " ORDER BY " + page.orderBy(SORTS, "c.nameSort, c.id");
        if (!tokens(filter).isEmpty()) {
            // typed words: the page among the cadres found (at most SEARCH_CAP of them), in the page's order
            List<Long> found = found(filter).ids();
            if (found.isEmpty()) {
                return List.of();
            }
            return rows(em.createQuery("SELECT c FROM Cadre c JOIN FETCH c.unit LEFT JOIN FETCH c.ethnicity"
                    + " WHERE c.id IN :ids" + order, Cadre.class).setParameter("ids", found)
                    .setFirstResult(page.first()).setMaxResults(page.size()).getResultList());
        }
        if (where.contains("c.ethnicity.")) {
            TypedQuery<Cadre> q = em.createQuery("SELECT c FROM Cadre c JOIN FETCH c.unit LEFT JOIN FETCH c.ethnicity"
                    + where + order, Cadre.class);
            params.forEach(q::setParameter);
            return rows(q.setFirstResult(page.first()).setMaxResults(page.size()).getResultList());
        }
        // the page's ids from the cadre table alone, which Derby reads in order from the name index and stops
        // after the page (joined to units, it sorted the whole roster first: issue 7); then those cadres
        TypedQuery<Long> ids = em.createQuery("SELECT c.id FROM Cadre c" + where + order, Long.class);
        params.forEach(ids::setParameter);
        return page(ids.setFirstResult(page.first()).setMaxResults(page.size()).getResultList());
    }

    /** The rows of a page's cadres, given by id in the page's order. */
    private List<RosterRow> page(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Cadre> byId = new HashMap<>();
        for (Cadre c : em.createQuery("SELECT c FROM Cadre c JOIN FETCH c.unit LEFT JOIN FETCH c.ethnicity"
                + " WHERE c.id IN :ids", Cadre.class).setParameter("ids", ids).getResultList()) {
            byId.put(c.getId(), c);
        }
        return rows(ids.stream().map(byId::get).filter(Objects::nonNull).toList());
    }

    /**
     * How many cadres the filter finds. A search by typed words that finds more than {@link #SEARCH_CAP} answers
     * {@code SEARCH_CAP + 1}: the page then shows the first {@code SEARCH_CAP} found, in its order, and asks for
     * more words.
     */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
    public long count(RosterFilter filter) {
        if (!tokens(filter).isEmpty()) {
            Found found = found(filter);
            return found.more() ? SEARCH_CAP + 1 : found.ids().size();
        }
        Map<String, Object> params = new HashMap<>();
        // COUNT(c) is COUNT(id), which reads every cadre's row; the unit path is never null and is in the path
        // index, so Derby counts from the index alone (a province at S: 55 → 12 ms)
        TypedQuery<Long> q = em.createQuery("SELECT COUNT(c.unitPath) FROM Cadre c" + where(filter, params),
                Long.class);
        params.forEach(q::setParameter);
        if (onlyWhere(filter)) {
            // a roster with no other condition than where it is: a large one's size is kept (RosterCounts)
            return rosterCounts.count(params.toString(), q::getSingleResult);
        }
        return q.getSingleResult();
    }

    /** Whether the filter asks for nothing but a place (the caller's scope, a unit under it). */
    private static boolean onlyWhere(RosterFilter f) {
        return searchWords(f.text()).isEmpty() && f.titleId() == null && !Boolean.TRUE.equals(f.newlyElected())
                && (f.ethnicityCode() == null || f.ethnicityCode().isBlank()) && f.gender() == null
                && !f.asksCommendation();
    }

    /**
     * Every cadre the filter finds in the caller's scope, in the roster's order (given name first), handed to
     * {@code consumer} in batches with the titles held now: for exports of any size. One query, sorted once
     * and read through a cursor (paging by offset or keyset would sort again for every batch); the persistence
     * context is cleared after each batch so that memory stays flat. Titles and ethnic groups are read once,
     * each batch's units and the titles held in a few queries per batch: the statements grow with the batches,
     * not with the rows or the units.
     */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
    public void forEachBatch(RosterFilter filter, int batchSize, Consumer<List<RosterEntry>> consumer) {
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, params);
        // untyped: with the cursor hint the single result is EclipseLink's stream, not a cadre
        Query q = em.createQuery("SELECT " + distinct(filter) + "c FROM " + tokens(filter)
                + "Cadre c" + where + " ORDER BY c.nameSort, c.id");
        params.forEach(q::setParameter);
        q.setHint(QueryHints.CURSOR, HintValues.TRUE).setHint(QueryHints.CURSOR_PAGE_SIZE, batchSize);
        // the ethnic groups and titles (a few dozen) into the shared cache at once: read one by one as the rows
        // needed them, they and the units were most of an export's statements (2,873 for 41,840 rows; issue 7)
        em.createQuery("SELECT e FROM Ethnicity e", Ethnicity.class).getResultList();
        em.createQuery("SELECT t FROM PositionTitle t", PositionTitle.class).getResultList();
        CursoredStream cursor = (CursoredStream) q.getSingleResult();
        // the units read so far, held for the whole export so that the shared cache keeps them
        Map<Long, AdminUnit> units = new HashMap<>();
        try {
            List<Cadre> batch = new ArrayList<>(batchSize);
            while (cursor.hasMoreElements()) {
                batch.add((Cadre) cursor.nextElement());
                if (batch.size() == batchSize || !cursor.hasMoreElements()) {
                    consumer.accept(entries(batch, units));
                    batch.clear();
                    cursor.clear();
                    em.clear();
                }
            }
        } finally {
            cursor.close();
        }
    }

    private List<RosterEntry> entries(List<Cadre> cadres, Map<Long, AdminUnit> known) {
        // one table, probed by the cadre_id index: joins or a sort here make Derby scan every position per batch
        Map<Long, List<Position>> held = new HashMap<>();
        // the batch's units and the units above them (a unit's label names its parent), all written in the
        // cadres' paths, in one query: the rows then find them in the shared cache (a cursor ignores JOIN FETCH,
        // and a search's DISTINCT query takes no batch hint). Only units not read by an earlier batch: the same
        // few hundred units read again for every batch were half of an export's time (Derby tests each unit
        // against the whole IN list). Read-only, the shared cache's own objects, which the map keeps alive.
        Set<Long> units = new HashSet<>();
        for (Cadre c : cadres) {
            for (String id : c.getUnitPath().split("/")) {
                if (!id.isEmpty() && !known.containsKey(Long.valueOf(id))) {
                    units.add(Long.valueOf(id));
                }
            }
        }
        List<Long> ids = List.copyOf(units);
        for (int i = 0; i < ids.size(); i += 500) {
            for (AdminUnit u : em.createQuery("SELECT u FROM AdminUnit u WHERE u.id IN :ids", AdminUnit.class)
                    .setHint(QueryHints.READ_ONLY, HintValues.TRUE)
                    .setParameter("ids", padded(ids.subList(i, Math.min(ids.size(), i + 500)))).getResultList()) {
                known.put(u.getId(), u);
            }
        }
        TypedQuery<Position> positions = em.createQuery(
                "SELECT p FROM Position p WHERE p.cadre.id IN :ids AND p.endDate IS NULL", Position.class);
        // a position under another unit than its holder's: its unit and that unit's parent, one IN query each
        batched(positions, "p.unit", "p.unit.parent");
        for (Position p : positions.setParameter("ids", cadres.stream().map(Cadre::getId).toList()).getResultList()) {
            held.computeIfAbsent(p.getCadre().getId(), k -> new ArrayList<>()).add(p);
        }
        held.values().forEach(ps -> ps.sort(Comparator.comparingInt(p -> p.getTitle().getSortOrder())));
        List<RosterEntry> entries = new ArrayList<>(cadres.size());
        for (Cadre c : cadres) {
            entries.add(new RosterEntry(c, held.getOrDefault(c.getId(), List.of()), nationalIdFor(c)));
        }
        return entries;
    }

    /**
     * The ids padded with the last one to a power of two (at least 8): an IN list of another length is another
     * statement, which Derby compiles (and generates a class for) again.
     */
    static List<Long> padded(List<Long> ids) {
        int size = Math.max(8, Integer.highestOneBit(Math.max(1, ids.size() - 1)) << 1);
        if (ids.isEmpty() || ids.size() == size) {
            return ids;
        }
        List<Long> out = new ArrayList<>(size);
        out.addAll(ids);
        while (out.size() < size) {
            out.add(ids.get(ids.size() - 1));
        }
        return out;
    }

    /** Reads these relations of the query's results in one IN query each, when first used. */
    private static <Q extends Query> Q batched(Q q, String... relations) {
        q.setHint(QueryHints.BATCH_TYPE, BatchFetchType.IN);
        for (String relation : relations) {
            q.setHint(QueryHints.BATCH, relation);
        }
        return q;
    }

    /** The page's cadres with the titles they hold now: one query for all of them, not one per row. */
    private List<RosterRow> rows(List<Cadre> cadres) {
        if (cadres.isEmpty()) {
            return List.of();
        }
        // the positions alone, probed by the cadre_id index, their titles in one IN query, sorted here: joined to
        // the titles and sorted in SQL, Derby hash-joined every position (1.1 s a page at national scale; issue 7)
        Map<Long, List<Position>> held = new HashMap<>();
        TypedQuery<Position> positions = em.createQuery(
                "SELECT p FROM Position p WHERE p.cadre.id IN :ids AND p.endDate IS NULL", Position.class);
        batched(positions, "p.title");
        for (Position p : positions.setParameter("ids", cadres.stream().map(Cadre::getId).toList())
                .getResultList()) {
            held.computeIfAbsent(p.getCadre().getId(), k -> new ArrayList<>()).add(p);
        }
        held.values().forEach(ps -> ps.sort(Comparator.comparingInt(p -> p.getTitle().getSortOrder())));
        List<RosterRow> rows = new ArrayList<>(cadres.size());
        for (Cadre c : cadres) {
            List<Position> ps = held.getOrDefault(c.getId(), List.of());
            rows.add(new RosterRow(c, ps.stream().map(p -> p.getTitle().getNameVi()).toList(),
                    ps.stream().map(p -> p.getTitle().getNameEn()).toList(),
                    ps.stream().anyMatch(Position::isNewlyElected)));
        }
        return rows;
    }

    /** Whether the filter searches by typed words (and so finds at most {@link #SEARCH_CAP} cadres). */
    public static boolean searches(RosterFilter filter) {
        return !searchWords(filter.text()).isEmpty();
    }

    /** The cadres a search by typed words found: at most {@link #SEARCH_CAP}, and whether there are more. */
    record Found(List<Long> ids, boolean more) {
    }

    /**
     * The cadres a search by typed words finds, read from the driving word's index range and stopped after
     * {@link #SEARCH_CAP} of them (and a margin for a cadre found twice through two words beginning alike). Counting
     * every match of "nguyen van" at national scale took seconds (a million cadres: tens of thousands found, each
     * probed and sorted; issue 7); nobody reads past the first thousand names of a search, they type one more word.
     */
    Found found(RosterFilter filter) {
        if (memo.isResolvable()) {
            try {
                return memo.get().get(scopePath() + "|" + filter, k -> search(filter));
            } catch (ContextNotActiveException e) {
                // no request (a background task): read it now
            }
        }
        return search(filter);
    }

    private Found search(RosterFilter filter) {
        Map<String, Object> params = new HashMap<>();
        int limit = SEARCH_CAP + SEARCH_MARGIN;
        TypedQuery<Long> q = em.createQuery("SELECT t0.cadreId FROM " + tokens(filter) + "Cadre c"
                + where(filter, params), Long.class);
        params.forEach(q::setParameter);
        List<Long> read = q.setMaxResults(limit).getResultList();
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(read));
        boolean more = read.size() == limit;
        if (ids.size() > SEARCH_CAP) {
            ids = ids.subList(0, SEARCH_CAP);
            more = true;
        }
        return new Found(List.copyOf(ids), more);
    }

    /**
     * The WHERE clause for a filter, always narrowed to the caller's scope. Each typed word must begin one of
     * the cadre's search words; the rarest-looking word drives the lookup through the token index.
     */
    String where(RosterFilter f, Map<String, Object> params) {
        StringBuilder w = new StringBuilder();
        String scope = scopePath();
        // a scope of everything needs no condition: "LIKE '/%'" made Derby read the path index and sort the whole
        // roster for each page instead of walking the name index (issue 7: 1.4 s a page at 10×, 15 ms without)
        if (!"/".equals(scope)) {
            w.append(" AND c.unitPath LIKE :scope");
            params.put("scope", scope + "%");
        }
        if (f.unitId() != null) {
            AdminUnit unit = em.find(AdminUnit.class, f.unitId());
            if (unit == null) {
                throw new NotFoundException("unit");
            }
            w.append(" AND c.unitPath LIKE :unitPath");
            params.put("unitPath", unit.getPath() + "%");
        }
        if (f.gender() != null) {
            w.append(" AND c.gender = :gender");
            params.put("gender", f.gender());
        }
        if (f.ethnicityCode() != null && !f.ethnicityCode().isBlank()) {
            w.append(" AND c.ethnicity.code = :ethnicity");
            params.put("ethnicity", f.ethnicityCode());
        }
        if (f.titleId() != null || Boolean.TRUE.equals(f.newlyElected())) {
            w.append(" AND EXISTS (SELECT p FROM Position p WHERE p.cadre = c AND p.endDate IS NULL");
            if (f.titleId() != null) {
                w.append(" AND p.title.id = :title");
                params.put("title", f.titleId());
            }
            if (Boolean.TRUE.equals(f.newlyElected())) {
                w.append(" AND p.newlyElected = TRUE");
            }
            w.append(")");
        }
        if (f.asksCommendation()) {
            // the province's body issues from the root unit (no parent); a commune's from a unit under it
            w.append(" AND EXISTS (SELECT m FROM Commendation m WHERE m.cadre = c");
            if (f.commendedYear() != null) {
                w.append(" AND m.decisionDate >= :commendedFrom AND m.decisionDate < :commendedTo");
                params.put("commendedFrom", java.time.LocalDate.of(f.commendedYear(), 1, 1));
                params.put("commendedTo", java.time.LocalDate.of(f.commendedYear() + 1, 1, 1));
            }
            if ("PROVINCE".equals(f.commendedLevel())) {
                w.append(" AND m.issuingUnit.parent IS NULL");
            } else if ("COMMUNE".equals(f.commendedLevel())) {
                w.append(" AND m.issuingUnit.parent IS NOT NULL");
            }
            w.append(")");
        }
        List<String> words = searchWords(f.text());
        for (int i = 0; i < words.size(); i++) {
            if (i == 0) {
                // the rarest-looking word drives: its tokens (an index range) joined to their cadres
                w.append(" AND t0.cadreId = c.id AND t0.token LIKE :w0 ESCAPE '\\'");
            } else {
                w.append(" AND EXISTS (SELECT t").append(i).append(" FROM CadreSearchToken t").append(i)
                        .append(" WHERE t").append(i).append(".cadreId = c.id AND t").append(i)
                        .append(".token LIKE :w").append(i).append(" ESCAPE '\\')");
            }
            params.put("w" + i, TextFold.prefixPattern(words.get(i)));
        }
        return w.length() == 0 ? "" : " WHERE" + w.substring(" AND".length());
    }

    /**
     * The FROM clause's search-word table when words were typed. Not "c.id IN (SELECT … tokens)": Derby evaluates
     * that subquery again for every cadre in scope (20 s for two common words at one province, issue 7); joined,
     * the first word's index range drives and the other words are probed per cadre found.
     */
    static String tokens(RosterFilter f) {
        return searchWords(f.text()).isEmpty() ? "" : "CadreSearchToken t0, ";
    }

    /** A cadre with two words that begin with the driving word (Nguyễn Nguyệt) is still one row. */
    static String distinct(RosterFilter f) {
        return searchWords(f.text()).isEmpty() ? "" : "DISTINCT ";
    }

    /**
     * The words of a search, rarest-looking first (common surnames and middle names last); a phone number
     * typed with spaces or dots is one word.
     */
    static List<String> searchWords(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String folded = TextFold.fold(text);
        if (folded.matches("[0-9 .\\-]+")) {
            return List.of(folded.replaceAll("[^0-9]", ""));
        }
        List<String> words = new ArrayList<>();
        for (String word : folded.split(" ")) {
            if (!word.isEmpty() && !words.contains(word)) {
                words.add(word.length() > 60 ? word.substring(0, 60) : word);
            }
        }
        words.sort((a, b) -> Boolean.compare(COMMON_WORDS.contains(a), COMMON_WORDS.contains(b)));
        return words.size() > 5 ? words.subList(0, 5) : words;
    }

    /** The path every roster the caller may see starts with; "/" for everyone. */
    private String scopePath() {
        Caller caller = currentUser.get();
        if (caller.seesEverything()) {
            return "/";
        }
        if (caller.role() == Role.COORDINATOR && caller.unitPath() != null) {
            return caller.unitPath();
        }
        // no roster scope at all: a path nothing starts with
        return "/none/";
    }

    // ---- one cadre ----------------------------------------------------------------------------------

    /** A cadre the caller may see; "not found" otherwise, whether or not it exists. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR, Role.Names.CADRE})
    public Cadre get(long id) {
        Cadre cadre = em.find(Cadre.class, id);
        if (cadre == null || !visible(cadre)) {
            throw new NotFoundException("cadre");
        }
        return cadre;
    }

    /**
     * The cadre page of a cadre the caller may see, in one read: the cadre, whether the caller may change them,
     * the national ID as the caller may see it, the positions and the account (none: null).
     */
    public record Page(Cadre cadre, boolean editable, String nationalId, List<Position> positions, Account account)
            implements Serializable {
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR})
    public Page page(long id) {
        Cadre cadre = get(id);
        Account account = em.createQuery("SELECT a FROM Account a WHERE a.cadreId = :c", Account.class)
                .setParameter("c", id).getResultStream().findFirst().orElse(null);
        return new Page(cadre, mayChange(cadre), nationalIdFor(cadre), positionsOf(cadre), account);
    }

    /** The signed-in cadre's own record. */
    @RolesAllowed(Role.Names.CADRE)
    public Optional<Cadre> mine() {
        Long own = currentUser.get().cadreId();
        return own == null ? Optional.empty() : Optional.ofNullable(em.find(Cadre.class, own));
    }

    public Optional<Cadre> findByCode(String code) {
        return em.createQuery("SELECT c FROM Cadre c WHERE c.code = :code", Cadre.class)
                .setParameter("code", Cadre.normalizeCode(code)).getResultStream().findFirst()
                .filter(this::visible);
    }

    private boolean visible(Cadre cadre) {
        Caller caller = currentUser.get();
        if (caller.role() == Role.CADRE) {
            return cadre.getId().equals(caller.cadreId());
        }
        return caller.coversUnitPath(cadre.getUnitPath());
    }

    /** Whether the caller may change this cadre: administrators, and coordinators in scope. */
    public boolean mayChange(Cadre cadre) {
        Caller caller = currentUser.get();
        return caller.role() == Role.ADMIN
                || caller.role() == Role.COORDINATOR && caller.coversUnitPath(cadre.getUnitPath());
    }

    /**
     * The national ID as this caller may see it: whole for administrators, coordinators in scope and the cadre
     * themselves; masked for everyone else.
     */
    public String nationalIdFor(Cadre cadre) {
        Caller caller = currentUser.get();
        boolean whole = mayChange(cadre) || caller.role() == Role.CADRE && cadre.getId().equals(caller.cadreId());
        return whole ? cadre.getNationalId() : cadre.getMaskedNationalId();
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
    public Cadre create(String code, Details d) {
        AdminUnit unit = unitInScope(d.unitId());
        if (code == null || !Cadre.normalizeCode(code).matches(Cadre.CODE_PATTERN)) {
            throw new BusinessException("cadre.code.pattern");
        }
        long taken = em.createQuery("SELECT COUNT(c) FROM Cadre c WHERE c.code = :code", Long.class)
                .setParameter("code", Cadre.normalizeCode(code)).getSingleResult();
        if (taken > 0) {
            throw new BusinessException("cadre.error.codeTaken", Cadre.normalizeCode(code));
        }
        Cadre cadre = new Cadre(code, d.fullName(), d.gender(), unit);
        apply(cadre, d);
        em.persist(cadre);
        em.flush();
        reindex(cadre);
        rostersChanged.fire(new RosterCounts.Changed());
        return cadre;
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
    public Cadre update(long id, long expectedVersion, Details d) {
        Cadre cadre = get(id);
        requireChangeable(cadre);
        if (cadre.getVersion() != expectedVersion) {
            throw new BusinessException("general.error.changedMeanwhile");
        }
        if (!cadre.getUnit().getId().equals(d.unitId())) {
            cadre.moveTo(unitInScope(d.unitId()));
            rostersChanged.fire(new RosterCounts.Changed());
        }
        apply(cadre, d);
        em.flush();
        reindex(cadre);
        described.fire(new PeopleEvents.Described(List.of(cadre.getId())));
        return cadre;
    }

    private void apply(Cadre cadre, Details d) {
        Ethnicity ethnicity = d.ethnicityCode() == null || d.ethnicityCode().isBlank() ? null
                : Optional.ofNullable(em.find(Ethnicity.class, d.ethnicityCode()))
                        .orElseThrow(() -> new BusinessException("cadre.error.unknownEthnicity", d.ethnicityCode()));
        cadre.describe(d.fullName(), d.gender(), d.birthDate(), ethnicity, d.education(), d.politicalTheory(),
                d.partyMember(), d.partyJoined(), d.nationalId());
        cadre.changePhone(d.phone());
    }

    /** The one change a cadre makes to their own record. */
    @RolesAllowed(Role.Names.CADRE)
    public Cadre changeOwnPhone(long expectedVersion, String phone) {
        Cadre cadre = mine().orElseThrow(() -> new NotFoundException("cadre"));
        if (cadre.getVersion() != expectedVersion) {
            throw new BusinessException("general.error.changedMeanwhile");
        }
        String cleaned = phone == null ? null : phone.replaceAll("[\\s.-]", "");
        if (cleaned != null && !cleaned.isEmpty() && !cleaned.matches(Cadre.PHONE_PATTERN)) {
            throw new BusinessException("cadre.phone.pattern");
        }
        cadre.changePhone(cleaned);
        em.flush();
        reindex(cadre);
        return cadre;
    }

    /** Rewrites the cadre's search words. */
    void reindex(Cadre cadre) {
        em.createQuery("DELETE FROM CadreSearchToken t WHERE t.cadreId = :id").setParameter("id", cadre.getId())
                .executeUpdate();
        for (String token : cadre.searchTokens()) {
            em.persist(new CadreSearchToken(token, cadre.getId()));
        }
    }

    private AdminUnit unitInScope(Long unitId) {
        if (unitId == null) {
            throw new BusinessException("cadre.unit.required");
        }
        AdminUnit unit = em.find(AdminUnit.class, unitId);
        if (unit == null || !currentUser.get().coversUnitPath(unit.getPath()) || unit.isClosed()) {
            throw new BusinessException("cadre.error.unitOutOfScope");
        }
        return unit;
    }

    private void requireChangeable(Cadre cadre) {
        if (!mayChange(cadre)) {
            throw new NotFoundException("cadre");
        }
    }

    // ---- positions ----------------------------------------------------------------------------------

    @RolesAllowed({Role.Names.ADMIN, Role.Names.PROVINCE, Role.Names.COORDINATOR, Role.Names.CADRE})
    public List<Position> positions(long cadreId) {
        return positionsOf(get(cadreId));
    }

    private List<Position> positionsOf(Cadre cadre) {
        return em.createQuery("SELECT p FROM Position p JOIN FETCH p.title JOIN FETCH p.unit WHERE p.cadre = :c"
                + " ORDER BY p.endDate DESC NULLS FIRST, p.startDate DESC", Position.class)
                .setParameter("c", cadre).getResultList();
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
    public Position addPosition(long cadreId, long titleId, long unitId, LocalDate start, String term,
            boolean newlyElected) {
        Cadre cadre = get(cadreId);
        requireChangeable(cadre);
        PositionTitle title = Optional.ofNullable(em.find(PositionTitle.class, titleId))
                .orElseThrow(() -> new BusinessException("position.error.unknownTitle"));
        AdminUnit unit = unitInScope(unitId);
        long same = em.createQuery("SELECT COUNT(p) FROM Position p WHERE p.cadre = :c AND p.title = :t"
                        + " AND p.unit = :u AND p.endDate IS NULL", Long.class)
                .setParameter("c", cadre).setParameter("t", title).setParameter("u", unit).getSingleResult();
        if (same > 0) {
            throw new BusinessException("position.error.alreadyHeld", title.getNameVi(), unit.getName());
        }
        Position position = new Position(cadre, title, unit, start, term, newlyElected);
        positionsChanging.fire(new PeopleEvents.PositionsChanging(List.of(cadreId)));
        em.persist(position);
        positionsChanged.fire(new PeopleEvents.PositionsChanged(List.of(cadreId)));
        return position;
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.COORDINATOR})
    public void endPosition(long positionId, LocalDate lastDay) {
        Position position = em.find(Position.class, positionId);
        if (position == null) {
            throw new NotFoundException("position");
        }
        long cadreId = position.getCadre().getId();
        requireChangeable(get(cadreId));
        positionsChanging.fire(new PeopleEvents.PositionsChanging(List.of(cadreId)));
        position.end(lastDay);
        positionsChanged.fire(new PeopleEvents.PositionsChanged(List.of(cadreId)));
    }

    // ---- what units tell the roster -----------------------------------------------------------------

    /** After a merge: positions held at the merged units continue at the successor; rosters move there. */
    public void onMerged(@Observes UnitEvents.Merged merged) {
        AdminUnit successor = em.find(AdminUnit.class, merged.successorId());
        List<Position> held = em.createQuery("SELECT p FROM Position p WHERE p.unit.id IN :ids"
                        + " AND p.startDate < :d AND (p.endDate IS NULL OR p.endDate >= :d)", Position.class)
                .setParameter("ids", merged.sourceIds()).setParameter("d", merged.effective()).getResultList();
        for (Position p : held) {
            em.persist(p.continueIn(successor, merged.effective()));
        }
        em.createQuery("UPDATE Position p SET p.unit = :s WHERE p.unit.id IN :ids AND p.startDate >= :d")
                .setParameter("s", successor).setParameter("ids", merged.sourceIds())
                .setParameter("d", merged.effective()).executeUpdate();
        em.createQuery("UPDATE Cadre c SET c.unit = :s, c.unitPath = :path WHERE c.unit.id IN :ids")
                .setParameter("s", successor).setParameter("path", successor.getPath())
                .setParameter("ids", merged.sourceIds()).executeUpdate();
        rostersChanged.fire(new RosterCounts.Changed());
    }

    /** After units moved in the tree: the rosters' stored paths follow. */
    public void onSubtreeMoved(@Observes UnitEvents.SubtreeMoved moved) {
        em.createNativeQuery("UPDATE cadre SET unit_path = CAST(? AS VARCHAR(400)) || SUBSTR(unit_path, ?)"
                        + " WHERE unit_path LIKE ?")
                .setParameter(1, moved.newPath())
                .setParameter(2, moved.oldPath().length() + 1)
                .setParameter(3, moved.oldPath() + "%")
                .executeUpdate();
        rostersChanged.fire(new RosterCounts.Changed());
    }

    /** For a merge preview: the positions and rosters that would move. */
    public void onPreview(@Observes UnitEvents.MergePreview preview) {
        LocalDate d = preview.merge().effective();
        List<Position> held = em.createQuery("SELECT p FROM Position p JOIN FETCH p.cadre JOIN FETCH p.title"
                        + " JOIN FETCH p.unit WHERE p.unit.id IN :ids AND p.startDate < :d"
                        + " AND (p.endDate IS NULL OR p.endDate >= :d) ORDER BY p.unit.nameFolded, p.title.sortOrder",
                        Position.class)
                .setParameter("ids", preview.sourceIds()).setParameter("d", d).getResultList();
        preview.add(new UnitEvents.PreviewLine("merge.preview.positions", held.size(), held.stream().limit(30)
                .map(p -> p.getCadre().getFullName() + " — " + p.getTitle().getNameVi() + " — " + p.getUnit().getName())
                .toList()));
        long cadres = em.createQuery("SELECT COUNT(c) FROM Cadre c WHERE c.unit.id IN :ids", Long.class)
                .setParameter("ids", preview.sourceIds()).getSingleResult();
        preview.add(new UnitEvents.PreviewLine("merge.preview.rosters", cadres, List.of()));
    }

    /** A unit with people still holding titles in it cannot simply be closed: it must be merged. */
    public void onClosing(@Observes UnitEvents.Closing closing) {
        long held = em.createQuery("SELECT COUNT(p) FROM Position p WHERE p.unit.id = :u AND p.endDate IS NULL",
                Long.class).setParameter("u", closing.unitId()).getSingleResult();
        if (held > 0) {
            closing.refuse("unit.error.hasPositions", held);
        }
        long rosters = em.createQuery("SELECT COUNT(c) FROM Cadre c WHERE c.unit.id = :u", Long.class)
                .setParameter("u", closing.unitId()).getSingleResult();
        if (rosters > 0) {
            closing.refuse("unit.error.hasCadres", rosters);
        }
    }
}
