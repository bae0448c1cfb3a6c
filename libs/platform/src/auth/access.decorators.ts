// How a route says who may call it. Every route needs an authenticated caller unless it is marked
// @Public(); @AllowRoles narrows it to roles (403 for any other). Object-level rules (which agency's
// dossier, which integration's submission) belong to the handlers, which know the object.
import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';

export const PUBLIC_ROUTE = 'tthc:public-route';
export const ALLOWED_ROLES = 'tthc:allowed-roles';
export const AREA_SCOPED = 'tthc:area-scoped';

/** Any official: a caller with an agency scope and a role that is not one of the non-official built-ins. */
export const ANY_OFFICIAL = '@official';

/** Marks public operations in the OpenAPI document; bootstrap.ts turns it into `security: []`. */
export const PUBLIC_OPERATION_EXTENSION = 'x-public';

/** No credentials needed (health, metrics, documents, the public catalogue, the citizen lookup). */
export const Public = () =>
  applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension(PUBLIC_OPERATION_EXTENSION, true));

/** Only these roles (ANY_OFFICIAL for every official role); others get 403 role-not-allowed. */
export const AllowRoles = (...roles: string[]) => SetMetadata(ALLOWED_ROLES, roles);

/**
 * Statistics scoped by area: the query member `member` names the agency asked about, and it must be within
 * the caller's area (roles.ts mayReadStatisticsOf); 403 area-scope-violation otherwise. `false` on a method
 * exempts it from its controller's scope (e.g. the metric definitions, which hold no figures).
 */
export const AreaScoped = (member: string | false = 'agency') => SetMetadata(AREA_SCOPED, member);
