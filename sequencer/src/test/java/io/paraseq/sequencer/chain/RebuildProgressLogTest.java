package io.paraseq.sequencer.chain;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.paraseq.protocol.state.Account;
import io.paraseq.protocol.state.WorldState;
import io.paraseq.protocol.trie.ParallelHashing;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Address;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A rebuild at or above the threshold logs the loaded rows and each stage about every 10 %. */
class RebuildProgressLogTest {

  private final Logger logger = (Logger) LoggerFactory.getLogger(RebuildProgressLog.class);
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

  @BeforeEach
  void capture() {
    lines.start();
    logger.addAppender(lines);
  }

  @AfterEach
  void release() {
    logger.detachAppender(lines);
  }

  @Test
  void logsTheStagesOfALargeRebuild() {
    RebuildProgressLog progress = new RebuildProgressLog(20);
    progress.loaded(200, 0, System.nanoTime());
    WorldState.fromFlat(accounts(200), Map.of(), ParallelHashing.sequential(), progress);

    List<String> messages = messages();
    assertThat(messages.getFirst())
        .matches("state rebuild stage=LOAD accounts=200 accounts_with_storage=0 ms=\\d+");
    List<String> storage =
        messages.stream().filter(m -> m.contains("stage=STORAGE_TRIES")).toList();
    assertThat(storage)
        .startsWith("state rebuild stage=STORAGE_TRIES done=0 total=200")
        .endsWith("state rebuild stage=STORAGE_TRIES done=200 total=200")
        .hasSizeBetween(2, 11);
    assertThat(messages)
        .contains(
            "state rebuild stage=ACCOUNT_TRIE done=0 total=200",
            "state rebuild stage=ACCOUNT_TRIE done=200 total=200");
  }

  @Test
  void aSmallRebuildLogsNothing() {
    RebuildProgressLog progress = new RebuildProgressLog(201);
    progress.loaded(200, 0, System.nanoTime());
    WorldState.fromFlat(accounts(200), Map.of(), ParallelHashing.sequential(), progress);
    assertThat(messages()).isEmpty();
  }

  private List<String> messages() {
    return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  private static Map<Address, Account> accounts(int count) {
    Map<Address, Account> accounts = new HashMap<>();
    for (int i = 0; i < count; i++) {
      accounts.put(Address.fromHex(String.format("0x%040x", i + 1)), Account.of(0, Wei.of(1 + i)));
    }
    return accounts;
  }
}
