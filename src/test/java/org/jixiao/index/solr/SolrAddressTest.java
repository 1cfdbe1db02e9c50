package org.jixiao.index.solr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jixiao.index.SearchLocation;
import org.junit.jupiter.api.Test;

/** Reading {@code solr://} URIs, and {@link SearchLocation} picking the SolrCloud store for them. */
class SolrAddressTest {

    @Test
    void anEnsembleAChrootACollectionAndItsLayout() {
        SolrAddress a = SolrAddress.parse("solr://zk1:2181,zk2:2181,zk3:2181/solr/jixiao?shards=4&replicas=3");
        assertEquals(List.of("zk1:2181", "zk2:2181", "zk3:2181"), a.zkHosts());
        assertEquals(Optional.of("/solr"), a.chroot());
        assertEquals("jixiao", a.collection());
        assertEquals(4, a.shards());
        assertEquals(3, a.replicas());
        assertEquals("solr://zk1:2181,zk2:2181,zk3:2181/solr/jixiao", a.toString());
    }

    @Test
    void withoutChrootOrLayoutTheDefaultsSurviveOneLostMachine() {
        SolrAddress a = SolrAddress.parse("solr://zk:2181/reports");
        assertEquals(Optional.empty(), a.chroot());
        assertEquals(2, a.shards());
        assertEquals(2, a.replicas());
    }

    @Test
    void badAddressesAreExplainedInChinese() {
        for (String bad : List.of("solr://zk:2181", "solr://zk:2181/", "solr:///reports", "solr://zk:2181/a b",
                "solr://zk:2181/reports?shards=0", "solr://zk:2181/reports?replica=2")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SolrAddress.parse(bad), bad);
            assertTrue(e.getMessage().contains("SolrCloud"), e.getMessage());
        }
    }

    @Test
    void searchLocationPicksSolrForSolrUrisAndLuceneOtherwise() {
        SearchLocation solr = SearchLocation.parse("solr://zk:2181/reports", Path.of("index"));
        assertEquals("reports", solr.solr().collection());
        assertNull(solr.directory());
        SearchLocation lucene = SearchLocation.parse(null, Path.of("index"));
        assertNull(lucene.solr());
        assertEquals(Path.of("index"), lucene.directory());
    }

    @Test
    void theConfigsetShipsInTheJar() throws Exception {
        byte[] zip = SolrSearchStore.configSetZip();
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            List<String> names = new java.util.ArrayList<>();
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) names.add(e.getName());
            assertEquals(SolrSearchStore.CONFIGSET_FILES, names);
        }
    }
}
