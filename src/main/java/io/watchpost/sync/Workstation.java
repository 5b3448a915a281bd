package io.watchpost.sync;

import java.net.InetAddress;

/** Names this workstation in what it syncs, so a team can tell who pushed which rows and who overwrote what. */
public final class Workstation {

    private Workstation() {
    }

    public static String origin() {
        try {
            return System.getProperty("user.name") + "@" + InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return System.getProperty("user.name");
        }
    }
}
