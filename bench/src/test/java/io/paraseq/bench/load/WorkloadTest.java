package io.paraseq.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paraseq.protocol.tx.ChainId;
import io.paraseq.protocol.tx.DynamicFeeTransaction;
import io.paraseq.protocol.tx.SignedTransaction;
import io.paraseq.protocol.tx.Transaction;
import io.paraseq.protocol.tx.TransactionDecoder;
import io.paraseq.protocol.tx.TransactionSigner;
import io.paraseq.protocol.tx.Wei;
import io.paraseq.protocol.types.Bytes;
import io.paraseq.protocol.types.Hash;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void signsEachPlannedTransferAsPlanned() throws Exception {
    List<Account> senders = SenderKeys.derive(5, 3);
    NoncePlan plan = NoncePlan.of(10, new long[] {0, 4, 1}, 2);
    Fees fees = Fees.ofGwei(100, 2);
    Workload workload =
        Workload.sign(plan, senders, i -> Recipients.of(5, i), Wei.of(7), fees, ChainId.of(3195));

    assertThat(workload.size()).isEqualTo(10);
    for (int i = 0; i < workload.size(); i++) {
      JsonNode call = JSON.readTree(workload.call(i));
      assertThat(call.get("jsonrpc").asText()).isEqualTo("2.0");
      assertThat(call.get("id").asInt()).isEqualTo(i);
      assertThat(call.get("method").asText()).isEqualTo("eth_sendRawTransaction");
      Bytes raw = Bytes.fromHex(call.get("params").get(0).asText());
      assertThat(workload.hash(i)).isEqualTo(Hash.keccak(raw));
      assertThat(workload.indexOf(workload.hash(i))).hasValue(i);

      Transaction decoded = TransactionDecoder.decode(raw).valueIfValid().orElseThrow();
      SignedTransaction signed = (SignedTransaction) decoded;
      DynamicFeeTransaction tx = (DynamicFeeTransaction) signed.payload();
      assertThat(TransactionSigner.recoverSender(signed).valueIfValid())
          .contains(senders.get(plan.sender(i)).address());
      assertThat(tx.nonce()).isEqualTo(plan.nonce(i));
      assertThat(tx.chainId()).isEqualTo(ChainId.of(3195));
      assertThat(tx.to()).contains(Recipients.of(5, i));
      assertThat(tx.value()).isEqualTo(Wei.of(7));
      assertThat(tx.gasLimit()).isEqualTo(Fees.TRANSFER_GAS);
      assertThat(tx.maxFeePerGas()).isEqualTo(fees.maxFeePerGas());
      assertThat(tx.maxPriorityFeePerGas()).isEqualTo(fees.maxPriorityFeePerGas());
    }
    assertThat(workload.indexOf(Hash.ZERO)).isEmpty();
  }
}
