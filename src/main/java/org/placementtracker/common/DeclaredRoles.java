package org.placementtracker.common;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The roles each resource method declares with {@code @RolesAllowed}, by operation ("GET
 * /api/v1/majors/{code}"), read from the compiled resource classes themselves, so that the
 * document shows what the code enforces. An operation that declares none maps to no roles.
 */
final class DeclaredRoles {

    private static final Map<Class<? extends Annotation>, String> HTTP_METHODS = Map.of(
            GET.class, "GET", POST.class, "POST", PATCH.class, "PATCH", DELETE.class, "DELETE", PUT.class, "PUT");

    private DeclaredRoles() {}

    /** Every operation of the resources compiled beside {@code anchor}, with the roles it admits. */
    static Map<String, List<String>> beside(Class<?> anchor) {
        Map<String, List<String>> roles = new TreeMap<>();
        for (String className : classNames(anchor)) {
            Class<?> type;
            try {
                type = Class.forName(className, false, anchor.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            jakarta.ws.rs.Path base = type.getAnnotation(jakarta.ws.rs.Path.class);
            if (base == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                String http = httpMethod(method);
                if (http == null) {
                    continue;
                }
                RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
                if (allowed == null) {
                    allowed = type.getAnnotation(RolesAllowed.class);
                }
                roles.put(
                        http + " " + template(base, method.getAnnotation(jakarta.ws.rs.Path.class)),
                        allowed == null ? List.of() : List.of(allowed.value()));
            }
        }
        return roles;
    }

    private static String httpMethod(Method method) {
        for (Map.Entry<Class<? extends Annotation>, String> http : HTTP_METHODS.entrySet()) {
            if (method.isAnnotationPresent(http.getKey())) {
                return http.getValue();
            }
        }
        return null;
    }

    private static String template(jakarta.ws.rs.Path base, jakarta.ws.rs.Path sub) {
        String joined = ("/" + base.value() + "/" + (sub == null ? "" : sub.value())).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    /** The classes in the directory or jar that {@code anchor} was loaded from. */
    private static List<String> classNames(Class<?> anchor) {
        CodeSource source = anchor.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IllegalStateException("cannot tell where " + anchor.getName() + " was loaded from");
        }
        List<String> names = new ArrayList<>();
        try {
            Path location = Path.of(source.getLocation().toURI());
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    files.filter(file -> file.toString().endsWith(".class"))
                            .forEach(file -> names.add(
                                    className(location.relativize(file).toString())));
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    jar.stream()
                            .map(JarEntry::getName)
                            .filter(name -> name.endsWith(".class"))
                            .forEach(name -> names.add(className(name)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return names;
    }

    private static String className(String file) {
        return file.substring(0, file.length() - ".class".length())
                .replace('/', '.')
                .replace('\\', '.');
    }
}
