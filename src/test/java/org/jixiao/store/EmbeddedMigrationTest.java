package org.jixiao.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** A V1 embedded database (H2 in file mode) opened by this version. */
class EmbeddedMigrationTest extends MigrationFromV1 {

    @TempDir
    Path data;

    @Override
    protected StoreSettings emptyDatabase() {
        return StoreSettings.embedded(data);
    }
}
