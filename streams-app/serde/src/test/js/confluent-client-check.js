// Runs Confluent's official JavaScript Schema Registry client and Avro serde against a registry.
// Usage: node confluent-client-check.js <registryUrl> <topic> <hex of a record the Java serializer wrote>
// Prints one JSON object with what the client saw; ConfluentJavaScriptClientTest asserts on it.
'use strict';
const {
  SchemaRegistryClient, AvroSerializer, AvroDeserializer, SerdeType, HeaderSchemaIdSerializer,
} = require('@confluentinc/schemaregistry');

async function main() {
  const [registryUrl, topic, javaHex] = process.argv.slice(2);
  const client = new SchemaRegistryClient({ baseURLs: [registryUrl], cacheCapacity: 100 });

  const probe = {
    schemaType: 'AVRO',
    schema: JSON.stringify({
      type: 'record', name: 'Probe', namespace: 'casepulse.check',
      fields: [{ name: 'n', type: 'int' }],
    }),
  };
  const registered = await client.registerFullResponse('js-probe-value', probe);
  const registeredId = registered.id;
  const lookedUp = await client.getIdFullResponse('js-probe-value', probe);
  const byId = await client.getBySubjectAndId('js-probe-value', registeredId);
  const latest = await client.getLatestSchemaMetadata('js-probe-value');

  const deserializer = new AvroDeserializer(client, SerdeType.VALUE, {});
  const fromJava = await deserializer.deserialize(topic, Buffer.from(javaHex, 'hex'));

  const serializer = new AvroSerializer(client, SerdeType.VALUE, { autoRegisterSchemas: false, useLatestVersion: true });
  const jsEvent = {
    eventId: 'evt-js', revision: 3, type: 'VISIT_RECORDED', caseId: 'case-js', childId: 'child-js',
    areaCode: 'TEAM-JS', occurredOn: 19845, recordedAt: 1714557600000, caseType: null, assessmentId: null,
    childSeen: true, workerId: null, planId: null, planType: null, retractsEventId: null,
  };
  const fromJs = await serializer.serialize(topic, jsEvent);

  // Confluent 8's header mode: the schema GUID travels in a header, the body is plain Avro.
  const headerSerializer = new AvroSerializer(client, SerdeType.VALUE,
    { autoRegisterSchemas: false, useLatestVersion: true, schemaIdSerializer: HeaderSchemaIdSerializer });
  const headers = {};
  const headerBody = await headerSerializer.serialize(topic, jsEvent, headers);
  const freshClient = new SchemaRegistryClient({ baseURLs: [registryUrl], cacheCapacity: 100 });
  const fromHeader = await new AvroDeserializer(freshClient, SerdeType.VALUE, {}).deserialize(topic, headerBody, headers);

  process.stdout.write(JSON.stringify({
    registeredId,
    registeredGuid: registered.guid,
    lookedUp: { subject: lookedUp.subject, id: lookedUp.id, version: lookedUp.version },
    byIdSchema: JSON.parse(byId.schema),
    latestVersion: latest.version,
    fromJava,
    fromJsHex: fromJs.toString('hex'),
    headerBodyHex: headerBody.toString('hex'),
    headerHex: Buffer.from(headers.__value_schema_id).toString('hex'),
    fromHeader,
  }) + '\n');
}

main().catch((error) => {
  process.stderr.write(`${error && error.stack ? error.stack : error}\n`);
  process.exit(1);
});
