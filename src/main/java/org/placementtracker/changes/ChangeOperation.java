package org.placementtracker.changes;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a change did to its record. */
@Schema(name = "ChangeOperation")
public enum ChangeOperation {
    CREATE,
    UPDATE,
    DELETE
}
