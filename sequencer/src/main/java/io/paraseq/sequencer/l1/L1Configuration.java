package io.paraseq.sequencer.l1;

import io.paraseq.sequencer.config.L1Properties;
import okhttp3.OkHttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/** The one web3j client of the node, shared by every L1 adapter. */
@Configuration(proxyBeanMethods = false)
class L1Configuration {

  @Bean(destroyMethod = "shutdown")
  Web3j l1Client(L1Properties properties) {
    OkHttpClient http =
        new OkHttpClient.Builder()
            .connectTimeout(properties.requestTimeout())
            .readTimeout(properties.requestTimeout())
            .writeTimeout(properties.requestTimeout())
            .callTimeout(properties.requestTimeout())
            .build();
    return Web3j.build(new HttpService(properties.rpcUrl().toString(), http));
  }

  @Bean
  L1HealthIndicator l1HealthIndicator(Web3j l1Client, L1Properties properties) {
    return new L1HealthIndicator(l1Client, properties);
  }
}
