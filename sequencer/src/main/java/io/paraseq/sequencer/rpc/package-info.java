/**
 * The JSON-RPC 2.0 server over HTTP ({@code POST /}).
 *
 * <p>{@link io.paraseq.sequencer.rpc.JsonRpcController} is the HTTP adapter (method, content type,
 * body size); {@link io.paraseq.sequencer.rpc.JsonRpcProcessor} parses single requests and batches,
 * validates request objects and dispatches each call to one {@link
 * io.paraseq.sequencer.rpc.RpcMethod} class, named by {@link
 * io.paraseq.sequencer.rpc.RpcMethodName} and registered in {@link
 * io.paraseq.sequencer.rpc.RpcMethodsConfiguration}. Every error code and text lives in {@link
 * io.paraseq.sequencer.rpc.RpcError}; Ethereum hex encodings in {@link
 * io.paraseq.sequencer.rpc.HexCodec}. The state methods resolve their block argument with {@link
 * io.paraseq.sequencer.rpc.HeadStates} (the node holds the head's state only) and read what they
 * need through {@link io.paraseq.sequencer.rpc.StateSources}.
 */
package io.paraseq.sequencer.rpc;
