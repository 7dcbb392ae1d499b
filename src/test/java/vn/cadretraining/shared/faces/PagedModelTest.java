package vn.cadretraining.shared.faces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * Rows ticked on other pages of a lazy table come back as rows, not as nothing; and a table still counts and pages
 * after its view moved to another node of a cluster.
 */
class PagedModelTest {

    private static PagedModel<Long> model() {
        PagedModel<Long> model = new PagedModel<>(() -> 100L,
                page -> LongStream.range(page.first(), page.first() + page.size()).boxed().toList(), id -> id);
        model.setWrappedData(model.load(0, 25, java.util.Map.of(), java.util.Map.of()));
        return model;
    }

    @Test
    void aRowOfTheLoadedPageIsFoundByItsKey() {
        assertEquals(Long.valueOf(7), model().getRowData("7"));
    }

    @Test
    void aRowTickedOnAnotherPageIsDroppedWithoutAFinderAndKeptWithOne() {
        assertNull(model().getRowData("60"), "not on the page loaded");
        PagedModel<Long> withFinder = model().withRowsElsewhere(k -> k.matches("\\d+") ? Long.valueOf(k) : null);
        assertEquals(Long.valueOf(60), withFinder.getRowData("60"));
        assertNull(withFinder.getRowData("60abc"), "a tampered key stands for nobody");
    }

    /** A page bean as the application writes them: a filter of its own, read by the model's functions. */
    static class Page implements Serializable {
        private static final long serialVersionUID = 1L;
        long matching = 40;
        final PagedModel<Long> model = new PagedModel<Long>(() -> matching,
                page -> LongStream.range(page.first(), Math.min(matching, page.first() + page.size())).boxed().toList(),
                id -> id).withRowsElsewhere(Long::valueOf);
    }

    @Test
    void aTableStillCountsAndPagesAfterItsViewWasCopiedToAnotherNode() throws Exception {
        Page moved = copied(new Page());
        moved.matching = 30; // a search typed on the other node: the copy's functions read the copy's filter
        assertEquals(30, moved.model.count(Map.of()), "counted with the page's filter");
        assertEquals(List.of(25L, 26L, 27L, 28L, 29L), moved.model.load(25, 10, Map.of(), Map.of()));
        assertEquals("26", moved.model.getRowKey(26L));
        assertEquals(Long.valueOf(3), moved.model.getRowData("3"), "a row ticked on a page not loaded");
    }

    /** What a cluster does with a session between two requests: serialized on one node, read on another. */
    @SuppressWarnings("unchecked")
    private static <T> T copied(T kept) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(kept);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
