package vn.cadretraining.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Everything a session or a view keeps must survive being copied to another node of a cluster (the web.xml is
 * {@code <distributable/>}; Payara stores each session on its data grid after every request).
 *
 * <p>Every {@code @SessionScoped}, {@code @ViewScoped} and {@code @ConversationScoped} class of the application is
 * checked two ways: by the declared types of its fields, followed into the application's own classes (records,
 * rows, models) and through collections' type arguments, so that a field that is empty when the bean is made
 * is judged by what it can hold; and by serializing a new instance, which catches what initializers put there
 * (a lambda, a view of a map). Injected fields hold the container's proxies, which serialize, as long as what
 * they point at is an EJB or normal-scoped; a {@code @Dependent} application class injected there is checked
 * like any field.
 */
class SessionStateSerializableTest {

    private static final Set<String> SCOPES = Set.of("jakarta.enterprise.context.SessionScoped",
            "jakarta.faces.view.ViewScoped", "jakarta.enterprise.context.ConversationScoped",
            "org.omnifaces.cdi.ViewScoped");

    /** Annotations of a bean that the container reaches through a serializable proxy. */
    private static final Set<String> PROXIED = Set.of("jakarta.ejb.Stateless", "jakarta.ejb.Singleton",
            "jakarta.ejb.Stateful", "jakarta.enterprise.context.ApplicationScoped",
            "jakarta.enterprise.context.RequestScoped", "jakarta.enterprise.context.SessionScoped",
            "jakarta.faces.view.ViewScoped", "jakarta.enterprise.context.ConversationScoped");

    /** The container's own injectable objects, all normal-scoped (request) behind a proxy. */
    private static final Set<String> CONTAINER_PROXIED = Set.of("jakarta.faces.context.FacesContext",
            "jakarta.faces.context.ExternalContext", "jakarta.faces.context.Flash",
            "jakarta.servlet.http.HttpServletRequest", "jakarta.servlet.http.HttpSession",
            "jakarta.security.enterprise.SecurityContext", "jakarta.enterprise.inject.spi.BeanManager",
            "jakarta.transaction.UserTransaction", "jakarta.faces.application.ResourceHandler");

    /**
     * Collection, map and tree interfaces: judged by what they hold (the JDK's and PrimeFaces' implementations
     * serialize).
     */
    private static final Set<Class<?>> CONTAINERS = Set.of(List.class, Set.class, Collection.class, Map.class,
            java.util.SortedMap.class, java.util.SortedSet.class, java.util.NavigableMap.class,
            java.util.NavigableSet.class, java.util.Deque.class, java.util.Queue.class,
            org.primefaces.model.TreeNode.class);

    /**
     * Fields declared as {@code Object}: the arguments of a bundle message, always strings and numbers (the
     * serialization of new instances and the cluster's failover test see them filled).
     */
    private static final Set<String> MESSAGE_ARGUMENTS = Set.of("UnitMerge$Problem.args", "ImportJob.messageArgs",
            "ImportProblem.args");

    @Test
    void everyBeanKeptInASessionOrViewSerializes() throws Exception {
        List<Class<?>> beans = scopedBeans();
        assertTrue(beans.size() >= 20, "the page beans were found: " + beans);
        List<String> problems = new ArrayList<>();
        for (Class<?> bean : beans) {
            check(bean, bean.getSimpleName(), problems, new HashSet<>());
            serializeNewInstance(bean, problems);
        }
        assertEquals(List.of(), problems, "not serializable, so lost or refused when a session moves to another node");
    }

    private static void check(Class<?> type, String path, List<String> problems, Set<Class<?>> seen) {
        if (!seen.add(type)) {
            return;
        }
        if (!Serializable.class.isAssignableFrom(type)) {
            problems.add(path + ": " + type.getName() + " is not Serializable");
            return;
        }
        // a library's superclass (PrimeFaces' LazyDataModel) answers for its own fields by being Serializable
        for (Class<?> c = type; c != null && ours(c); c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                int m = f.getModifiers();
                if (Modifier.isStatic(m) || Modifier.isTransient(m) || f.isSynthetic()
                        || MESSAGE_ARGUMENTS.contains(c.getName().substring(c.getName().lastIndexOf('.') + 1)
                                + "." + f.getName())) {
                    continue;
                }
                String where = path + "." + f.getName();
                if (f.isAnnotationPresent(Inject.class) || f.isAnnotationPresent(EJB.class)) {
                    checkInjected(f.getType(), where, problems, seen);
                } else {
                    checkType(f.getGenericType(), where, problems, seen);
                }
            }
        }
    }

    private static void checkInjected(Class<?> type, String where, List<String> problems, Set<Class<?>> seen) {
        if (CONTAINER_PROXIED.contains(type.getName()) || type.isPrimitive() || type == String.class
                || hasAny(type, PROXIED)) {
            return;
        }
        if (ours(type)) {
            // a @Dependent bean is kept in the bean itself: its state must serialize too
            check(type, where, problems, seen);
        } else if (!Serializable.class.isAssignableFrom(type)) {
            problems.add(where + ": injected " + type.getName() + " is neither a proxy nor Serializable");
        }
    }

    private static void checkType(Type t, String where, List<String> problems, Set<Class<?>> seen) {
        if (t instanceof Class<?> c) {
            if (c.isPrimitive() || c.isEnum()) {
                return;
            }
            if (c.isArray()) {
                checkType(c.getComponentType(), where + "[]", problems, seen);
                return;
            }
            if (CONTAINERS.contains(c)) {
                return; // raw: nothing to follow
            }
            if (c == Object.class || (c.isInterface() && !Serializable.class.isAssignableFrom(c))) {
                problems.add(where + ": declared as " + c.getName() + ", which need not be Serializable");
                return;
            }
            if (ours(c)) {
                check(c, where, problems, seen);
            } else if (!c.isInterface() && !Serializable.class.isAssignableFrom(c)) {
                problems.add(where + ": " + c.getName() + " is not Serializable");
            }
        } else if (t instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (!CONTAINERS.contains(raw)) {
                checkType(raw, where, problems, seen);
            }
            if (functional(raw)) {
                return; // a function's type arguments say what it takes and gives, not what it holds
            }
            for (Type arg : p.getActualTypeArguments()) {
                checkType(arg, where + "<>", problems, seen);
            }
        } else if (t instanceof WildcardType w) {
            for (Type upper : w.getUpperBounds()) {
                checkType(upper, where, problems, seen);
            }
        } else if (t instanceof GenericArrayType g) {
            checkType(g.getGenericComponentType(), where + "[]", problems, seen);
        } else if (t instanceof TypeVariable<?> v) {
            for (Type bound : v.getBounds()) {
                checkType(bound, where, problems, seen);
            }
        }
    }

    private static void serializeNewInstance(Class<?> bean, List<String> problems) {
        try {
            Constructor<?> constructor = bean.getDeclaredConstructor();
            constructor.setAccessible(true);
            Object instance = constructor.newInstance();
            try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
                out.writeObject(instance);
            }
        } catch (IOException e) {
            problems.add(bean.getSimpleName() + ": a new instance does not serialize: " + e);
        } catch (ReflectiveOperationException | RuntimeException e) {
            problems.add(bean.getSimpleName() + ": cannot be made by its no-argument constructor: " + e);
        }
    }

    /** A Serializable interface of one method: a lambda of its type serializes with what it captured. */
    private static boolean functional(Class<?> c) {
        return c.isInterface() && Serializable.class.isAssignableFrom(c) && Stream.of(c.getMethods())
                .filter(m -> Modifier.isAbstract(m.getModifiers())).count() == 1;
    }

    private static boolean ours(Class<?> c) {
        return c.getName().startsWith("vn.cadretraining.");
    }

    private static boolean hasAny(Class<?> c, Set<String> annotations) {
        for (Annotation a : c.getAnnotations()) {
            if (annotations.contains(a.annotationType().getName())) {
                return true;
            }
        }
        return false;
    }

    private static List<Class<?>> scopedBeans() throws IOException {
        Path classes = Path.of("target/classes");
        try (Stream<Path> files = Files.walk(classes)) {
            return files.map(classes::relativize).map(Path::toString)
                    .filter(n -> n.endsWith(".class") && n.startsWith("vn/"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .map(SessionStateSerializableTest::load)
                    .filter(c -> hasAny(c, SCOPES))
                    .sorted(java.util.Comparator.comparing(Class::getName))
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, SessionStateSerializableTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
