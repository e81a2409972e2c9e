/**
 * The end-to-end load generator: funds deterministic sender accounts from the development accounts,
 * pre-signs EIP-1559 transfers, submits them over concurrent JSON-RPC connections in batches and
 * follows new blocks with standard methods to time their inclusion, against Paraseq or a fresh
 * anvil. Entry point {@link io.paraseq.bench.load.LoadMain}; run through {@code ./paraseq bench
 * load}. Plain Java: {@code java.net.http} and Jackson, no Spring.
 */
package io.paraseq.bench.load;
