package io.watchpost.testing;

import io.watchpost.normalize.Event;
import io.watchpost.normalize.Normalizer;
import io.watchpost.normalize.RawLogEvent;
import io.watchpost.source.emulator.SampleData;
import io.watchpost.source.emulator.SampleEvent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The repository's sample data (sample-data/*.jsonl) through the real normalizer, as the app would cache it. */
public final class SampleEvents {

    private SampleEvents() {
    }

    public static List<Event> normalized(Path dir) throws IOException {
        Normalizer normalizer = new Normalizer();
        List<Event> out = new ArrayList<>();
        int id = 0;
        for (SampleEvent s : SampleData.load(dir)) {
            out.add(normalizer.normalize(new RawLogEvent(s.logGroup(), s.logStream(), "sample-" + id++, s.timestamp(),
                    s.timestamp() + 500, s.message())));
        }
        return out;
    }
}
