package vn.cadretraining.shared.faces;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import vn.cadretraining.shared.entity.BaseEntity;
import vn.cadretraining.shared.service.PageRequest;

/**
 * A lazy table over a service's paged query: the database counts and pages, the page bean only says which
 * service methods to call. Filters are the page bean's own fields, read by the two functions. Rows are
 * identified by the key function (an entity's id by default).
 */
public class PagedModel<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /*
     * The functions are kept with the model, which a view keeps in the session: on a cluster the session is copied
     * to another node after each request, so they must serialize (a lambda does when its type is Serializable, and
     * with it the page bean it calls, which serializes anyway). Transient, they came back null on the other node,
     * and the next page or search of the table after a failover failed.
     */

    /** Counts the rows, with the page bean's filters. */
    public interface Counter extends Supplier<Long>, Serializable {
    }

    /** Reads one page of rows, with the page bean's filters. */
    public interface Loader<T> extends Function<PageRequest, List<T>>, Serializable {
    }

    /** A row's key, or (for rows ticked on another page) the row of a key. */
    public interface Mapping<A, B> extends Function<A, B>, Serializable {
    }

    private final Counter counter;
    private final Loader<T> loader;
    private final Mapping<T, Object> key;
    private Mapping<String, T> elsewhere;

    public PagedModel(Counter counter, Loader<T> loader, Mapping<T, Object> key) {
        this.counter = counter;
        this.loader = loader;
        this.key = key;
    }

    /** For entities: rows keyed by their id. */
    public static <E extends BaseEntity> PagedModel<E> ofEntities(Counter counter, Loader<E> loader) {
        return new PagedModel<>(counter, loader, BaseEntity::getId);
    }

    /**
     * How to stand for a row ticked on another page than the one loaded (PrimeFaces asks for every ticked key when
     * a multi-page selection comes back): without it those ticks would be dropped without a word.
     */
    public PagedModel<T> withRowsElsewhere(Mapping<String, T> finder) {
        this.elsewhere = finder;
        return this;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return Math.toIntExact(counter.get());
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        SortMeta sort = sortBy == null || sortBy.isEmpty() ? null : sortBy.values().iterator().next();
        PageRequest page = new PageRequest(first, pageSize,
                sort == null ? null : sort.getField(), sort == null || sort.getOrder() != SortOrder.DESCENDING);
        return loader.apply(page);
    }

    @Override
    public String getRowKey(T row) {
        Object k = key.apply(row);
        return k == null ? null : String.valueOf(k);
    }

    @Override
    public T getRowData(String rowKey) {
        if (rowKey == null) {
            return null;
        }
        List<T> rows = getWrappedData();
        if (rows != null) {
            for (T row : rows) {
                if (rowKey.equals(getRowKey(row))) {
                    return row;
                }
            }
        }
        return elsewhere == null ? null : elsewhere.apply(rowKey);
    }
}
