package com.lavish.edge.problem;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Names a Bean Validation violation in the client's terms: a parameter by the name it has in the request (the
 * query parameter, the header, {@code Last-Event-ID}), a body's field by its JSON path as the client wrote it
 * ({@code plans[0].interval_count}, {@code delivery_address.country_code}), never by our Java names. Of several
 * violations, the one answered is the first in the order the request declares them (the parameters, then the
 * body's fields in their record's order), so that the same request always gets the same answer.
 */
final class ViolationFields {

    /** The field at fault, and its place in the request's order. */
    record Named(String field, List<Integer> order) {}

    private static final Comparator<List<Integer>> REQUEST_ORDER = (a, b) -> {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int step = Integer.compare(a.get(i), b.get(i));
            if (step != 0) {
                return step;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private final ObjectMapper json;

    ViolationFields(ObjectMapper json) {
        this.json = json;
    }

    /** The violation to answer of those found, with its field; empty when there are none. */
    Optional<Violation> first(Collection<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .map(violation -> new Violation(violation, name(violation)))
                .min(Comparator.comparing((Violation v) -> v.named().order(), REQUEST_ORDER)
                        .thenComparing(
                                v -> v.named().field() == null ? "" : v.named().field()));
    }

    /** One violation and how the client knows its field. */
    record Violation(ConstraintViolation<?> violation, Named named) {}

    /** The violation's field: null when it is about the request as a whole (a cross-parameter rule). */
    Named name(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        List<Integer> order = new ArrayList<>();
        Method method = null;
        Type type = null;
        // a repeated query parameter's value is named by the parameter alone: the client wrote no index
        boolean requestParameter = false;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.isInIterable()) {
                type = elementType(type);
                if (!requestParameter) {
                    field.append('[')
                            .append(
                                    node.getIndex() != null
                                            ? node.getIndex()
                                            : node.getKey() != null ? node.getKey() : "")
                            .append(']');
                }
                order.add(node.getIndex() != null ? node.getIndex() : 0);
            }
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR) {
                method = kind == ElementKind.METHOD
                        ? method(violation.getRootBeanClass(), node.as(Path.MethodNode.class))
                        : null;
            } else if (kind == ElementKind.PARAMETER) {
                int index = node.as(Path.ParameterNode.class).getParameterIndex();
                order.add(index);
                String name = method == null
                        ? node.getName()
                        : requestName(violation.getRootBeanClass(), method, index, node.getName());
                // the body has no name of its own: its fields are named from its root
                if (name != null) {
                    field.append(name);
                    requestParameter = true;
                }
                type = method == null ? null : method.getGenericParameterTypes()[index];
            } else if (kind == ElementKind.PROPERTY) {
                List<BeanPropertyDefinition> properties = properties(type);
                int index = indexOf(properties, node.getName());
                BeanPropertyDefinition property = index < 0 ? null : properties.get(index);
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(property != null ? property.getName() : node.getName());
                order.add(property != null ? index : Integer.MAX_VALUE);
                type = property != null ? property.getPrimaryType() : null;
            } else if (kind == ElementKind.CROSS_PARAMETER) {
                return new Named(null, order);
            }
            // BEAN and CONTAINER_ELEMENT nodes add only their index, above
        }
        return new Named(field.isEmpty() ? "body" : field.toString(), order);
    }

    private static Method method(Class<?> root, Path.MethodNode node) {
        Class<?>[] parameters = node.getParameterTypes().toArray(Class<?>[]::new);
        for (Class<?> type = root; type != null; type = type.getSuperclass()) {
            try {
                return type.getDeclaredMethod(node.getName(), parameters);
            } catch (NoSuchMethodException e) {
                // declared higher up
            }
        }
        return null;
    }

    /**
     * The parameter's name in the request, from its JAX-RS annotation; null for the body, which has none. The
     * annotations are looked for up the class chain: an intercepted resource is a generated subclass without them.
     */
    private static String requestName(Class<?> root, Method method, int index, String javaName) {
        for (Class<?> type = root; type != null; type = type.getSuperclass()) {
            Method declared;
            try {
                declared = type.getDeclaredMethod(method.getName(), method.getParameterTypes());
            } catch (NoSuchMethodException e) {
                continue;
            }
            for (Annotation annotation : declared.getParameterAnnotations()[index]) {
                String name = annotatedName(annotation);
                if (name != null) {
                    return name.isEmpty() ? javaName : name;
                }
            }
        }
        return null;
    }

    private static String annotatedName(Annotation annotation) {
        if (annotation instanceof QueryParam a) {
            return a.value();
        } else if (annotation instanceof PathParam a) {
            return a.value();
        } else if (annotation instanceof HeaderParam a) {
            return a.value();
        } else if (annotation instanceof FormParam a) {
            return a.value();
        } else if (annotation instanceof CookieParam a) {
            return a.value();
        } else if (annotation instanceof RestQuery a) {
            return a.value();
        } else if (annotation instanceof RestPath a) {
            return a.value();
        } else if (annotation instanceof RestHeader a) {
            return a.value();
        } else if (annotation instanceof RestForm a) {
            return a.value();
        } else if (annotation instanceof RestCookie a) {
            return a.value();
        }
        return null;
    }

    /** The JSON properties of a type, as Jackson reads it; none when the type is not known. */
    private List<BeanPropertyDefinition> properties(Type type) {
        return type == null
                ? List.of()
                : json.getDeserializationConfig()
                        .introspect(json.constructType(type))
                        .findProperties();
    }

    private static int indexOf(List<BeanPropertyDefinition> properties, String javaName) {
        for (int i = 0; i < properties.size(); i++) {
            if (properties.get(i).getInternalName().equals(javaName)) {
                return i;
            }
        }
        return -1;
    }

    /** The element type of a list, set, optional or map's values: its last type argument. */
    private static Type elementType(Type container) {
        if (container instanceof JavaType javaType) {
            return javaType.containedTypeCount() == 0
                    ? null
                    : javaType.containedType(javaType.containedTypeCount() - 1);
        }
        if (container instanceof ParameterizedType parameterized) {
            Type[] arguments = parameterized.getActualTypeArguments();
            return arguments[arguments.length - 1];
        }
        return null;
    }
}
