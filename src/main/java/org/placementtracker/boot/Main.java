package org.placementtracker.boot;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/** Makes sure there is a database to talk to, then starts the service. */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        DatabaseBootstrap.prepare();
        Quarkus.run(args);
    }
}
