export * from './cloud-event-mapping';
export * from './topics';
export * from './outbox-relay';
export * from './kafka-projection-consumer';
export * from './topic-provisioning';
export * from './kafka-client';
export * from './event-delivery.module';
