package vn.cadretraining.shared.faces;

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

    private final transient Supplier<Long> counter;
    private final transient Function<PageRequest, List<T>> loader;
    private final transient Function<T, Object> key;
    private transient Function<String, T> elsewhere;

    public PagedModel(Supplier<Long> counter, Function<PageRequest, List<T>> loader, Function<T, Object> key) {
        this.counter = counter;
        this.loader = loader;
        this.key = key;
    }

    /** For entities: rows keyed by their id. */
    public static <E extends BaseEntity> PagedModel<E> ofEntities(Supplier<Long> counter,
            Function<PageRequest, List<E>> loader) {
        return new PagedModel<>(counter, loader, BaseEntity::getId);
    }

    /**
     * How to stand for a row ticked on another page than the one loaded (PrimeFaces asks for every ticked key when
     * a multi-page selection comes back): without it those ticks would be dropped without a word.
     */
    public PagedModel<T> withRowsElsewhere(Function<String, T> finder) {
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
