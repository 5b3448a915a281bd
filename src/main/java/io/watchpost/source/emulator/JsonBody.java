package io.watchpost.source.emulator;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/**
 * A successful response, written straight to the HTTP body. Handlers do all validation and data access first
 * and return one of these, so errors are known before the 200 status line is committed.
 */
@FunctionalInterface
interface JsonBody {
    void writeTo(JsonGenerator g) throws IOException;
}
