package org.jixiao.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded default: H2 in file mode in a data folder. */
class EmbeddedStoreTest extends StoreContract {

    @TempDir
    Path data;

    @Override
    protected StoreOfRecord openEmpty() {
        return JdbcStore.open(StoreSettings.embedded(data));
    }

    @Override
    protected StoreOfRecord reopen() {
        return JdbcStore.open(StoreSettings.embedded(data));
    }
}
