package io.watchpost.source.emulator;

/** The fixed account and region the emulator pretends to be. */
final class Arns {
    static final String REGION = "us-east-1";
    static final String ACCOUNT = "123456789012";
    static final String PREFIX = "arn:aws:logs:" + REGION + ":" + ACCOUNT + ":";

    private Arns() {
    }
}
