package io.watchpost.sync;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CopyTextWriterTest {

    @Test
    void escapesWhatWouldEndAColumnOrRow() throws IOException {
        StringWriter out = new StringWriter();
        new CopyTextWriter(out).text("a\tb\nc\rd\\e\0f").text(null).number(-42).text("").endRow();
        assertEquals("a\\tb\\nc\\rd\\\\e\uFFFDf\t\\N\t-42\t\n", out.toString());
    }
}
