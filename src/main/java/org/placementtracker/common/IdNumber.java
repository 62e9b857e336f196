package org.placementtracker.common;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** Resident ID number per GB 11643-1999: structure, birth date and ISO 7064 MOD 11-2 check. */
public final class IdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final DateTimeFormatter BIRTH =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private IdNumber() {}

    public static boolean isValid(String id) {
        if (id == null || id.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(id.charAt(i)) || id.charAt(i) > '9') {
                return false;
            }
        }
        return birthDate(id).isPresent() && id.charAt(17) == checkCharacterFor(id.substring(0, 17));
    }

    public static char checkCharacterFor(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** The birth date the number encodes, if it is a real date. */
    public static Optional<LocalDate> birthDate(String id) {
        try {
            return Optional.of(LocalDate.parse(id.substring(6, 14), BIRTH));
        } catch (DateTimeParseException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** Odd sequence digit: male. */
    public static boolean isMale(String id) {
        return (id.charAt(16) - '0') % 2 == 1;
    }

    /** Only the last four characters survive, as in every response. */
    public static String mask(String id) {
        if (id == null) {
            return null;
        }
        return "*".repeat(Math.max(0, id.length() - 4)) + id.substring(Math.max(0, id.length() - 4));
    }
}
