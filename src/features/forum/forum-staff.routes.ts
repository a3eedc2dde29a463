import { createRoute } from '@hono/zod-openapi';
import { errorResponses, jsonBody, jsonContent, router } from '../../platform/http/openapi.js';
import { currentStaff, requireStaff } from '../staff/index.js';
import { createBoard, updateBoard } from './boards.service.js';
import {
  Board,
  BoardIdParam,
  CreateBoardBody,
  StaffReplyBody,
  StaffReplyCreated,
  ThreadIdParam,
  UpdateBoardBody,
} from './forum.schemas.js';
import { staffReply } from './staff-replies.service.js';

const createBoardRoute = createRoute({
  method: 'post',
  path: '/api/v1/staff/forum/boards',
  tags: ['forum', 'staff'],
  summary: 'Add a forum board (admins)',
  middleware: [requireStaff('admin')] as const,
  request: { body: jsonBody(CreateBoardBody) },
  responses: { 201: jsonContent(Board, 'Created'), ...errorResponses(401, 403, 409, 422) },
});

const updateBoardRoute = createRoute({
  method: 'patch',
  path: '/api/v1/staff/forum/boards/{id}',
  tags: ['forum', 'staff'],
  summary: 'Rename or move a forum board (admins); its threads stay',
  middleware: [requireStaff('admin')] as const,
  request: { params: BoardIdParam, body: jsonBody(UpdateBoardBody) },
  responses: { 200: jsonContent(Board, 'Updated'), ...errorResponses(401, 403, 404, 409, 422) },
});

const staffReplyRoute = createRoute({
  method: 'post',
  path: '/api/v1/staff/forum/threads/{id}/replies',
  tags: ['forum', 'staff'],
  summary: "Reply under your department's name (responders for their departments); on the public log",
  middleware: [requireStaff('admin', 'responder')] as const,
  request: { params: ThreadIdParam, body: jsonBody(StaffReplyBody) },
  responses: {
    201: jsonContent(StaffReplyCreated, 'Published'),
    ...errorResponses(401, 403, 404, 422),
  },
});

/** Staff in the forum: admins manage boards; departments take part under their name. */
export const forumStaffRoutes = router()
  .openapi(createBoardRoute, async (c) =>
    c.json(await createBoard(c.var.db, currentStaff(c), c.req.valid('json'), c.var.clock.now()), 201),
  )
  .openapi(updateBoardRoute, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(
      await updateBoard(c.var.db, currentStaff(c), id, c.req.valid('json'), c.var.clock.now()),
      200,
    );
  })
  .openapi(staffReplyRoute, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(
      await staffReply(c.var.db, currentStaff(c), id, c.req.valid('json'), c.var.clock.now()),
      201,
    );
  });
